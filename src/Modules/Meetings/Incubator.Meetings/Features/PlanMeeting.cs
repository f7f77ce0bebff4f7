using FluentValidation;
using Incubator.Meetings.Domain;
using Incubator.Meetings.Persistence;
using Incubator.Seasons.Contracts;
using MediatR;

namespace Incubator.Meetings.Features;

internal sealed record PlanMeeting(Guid SeasonId, MeetingInput Input) : IRequest<MeetingDto>;

internal sealed class PlanMeetingValidator : AbstractValidator<PlanMeeting>
{
    public PlanMeetingValidator()
    {
        RuleFor(r => r.Input.Title).NotEmpty().MaximumLength(InformationMeeting.TitleMax).OverridePropertyName("title");
        RuleFor(r => r.Input.StartsAt).NotNull().OverridePropertyName("startsAt");
        RuleFor(r => r.Input.EndsAt).NotNull().OverridePropertyName("endsAt");
        RuleFor(r => r.Input.Mode).NotEmpty().IsEnumName(typeof(MeetingMode), caseSensitive: false).OverridePropertyName("mode");
        RuleFor(r => r.Input.Capacity).NotNull().InclusiveBetween(1, InformationMeeting.CapacityMax).OverridePropertyName("capacity");
        RuleFor(r => r.Input.PlaceName).MaximumLength(200).OverridePropertyName("placeName");
        RuleFor(r => r.Input.Address).MaximumLength(300).OverridePropertyName("address");
        RuleFor(r => r.Input.Town).MaximumLength(100).OverridePropertyName("town");
        RuleFor(r => r.Input.RemoteUrl).MaximumLength(InformationMeeting.RemoteUrlMax).OverridePropertyName("remoteUrl");
        RuleFor(r => r.Input.Details).MaximumLength(2000).OverridePropertyName("details");
    }
}

/// <summary>A lead plans an information meeting of a season's call (issue 25): it shows at once on the public pages.</summary>
internal sealed class PlanMeetingHandler(MeetingsDbContext db, ISeasonDirectory seasons, TimeProvider time) : IRequestHandler<PlanMeeting, MeetingDto>
{
    public async Task<MeetingDto> Handle(PlanMeeting request, CancellationToken cancellationToken)
    {
        _ = await seasons.RequireAsync(request.SeasonId, cancellationToken);
        var input = request.Input;
        var meeting = InformationMeeting.Plan(request.SeasonId, new MeetingPlan(input.Title!, input.StartsAt!.Value, input.EndsAt!.Value,
            Enum.Parse<MeetingMode>(input.Mode!, ignoreCase: true), input.PlaceName, input.Address, input.Town, input.RemoteUrl, input.Capacity!.Value, input.Details),
            time.GetUtcNow());
        db.InformationMeetings.Add(meeting);
        await db.SaveChangesAsync(cancellationToken);
        return MeetingMapping.ToDto(meeting);
    }
}

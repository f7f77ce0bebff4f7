using FluentValidation;
using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Persistence;
using Incubator.Seasons.Contracts;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

internal sealed record SaveJury(Guid SeasonId, JuryInput Input) : IRequest<IReadOnlyList<JuryMemberDto>>;

internal sealed class SaveJuryValidator : AbstractValidator<SaveJury>
{
    public const int MaxMembers = 20;

    public SaveJuryValidator()
    {
        RuleFor(r => r.Input.Members).NotNull().Must(m => m!.Count <= MaxMembers)
            .WithMessage(_ => L($"{MaxMembers} membres au plus.", $"At most {MaxMembers} members.")).OverridePropertyName("members");
        RuleForEach(r => r.Input.Members).ChildRules(m =>
        {
            m.RuleFor(x => x.Name).NotEmpty().MaximumLength(200).OverridePropertyName("name");
            m.RuleFor(x => x.Organisation).MaximumLength(200).OverridePropertyName("organisation");
        }).OverridePropertyName("members");
    }
}

/// <summary>
/// A lead names the season's jury: people with an account (committee members, leads), who read and write notes, and people
/// of partner structures named without one. The list replaces the previous one; notes already written stay.
/// </summary>
internal sealed class SaveJuryHandler(ApplicationsDbContext db, ISeasonDirectory seasons, IUserDirectory users) : IRequestHandler<SaveJury, IReadOnlyList<JuryMemberDto>>
{
    public async Task<IReadOnlyList<JuryMemberDto>> Handle(SaveJury request, CancellationToken cancellationToken)
    {
        _ = await seasons.RequireAsync(request.SeasonId, cancellationToken);
        var members = request.Input.Members!;
        var ids = members.Where(m => m.UserId is not null).Select(m => m.UserId!.Value).ToList();
        if (ids.Count != ids.Distinct().Count())
        {
            throw new DomainException(L("Une même personne est nommée deux fois.", "The same person is named twice."), "members");
        }

        var known = await users.FindManyAsync(ids, cancellationToken);
        if (ids.FirstOrDefault(id => !known.ContainsKey(id)) is var unknown && unknown != Guid.Empty)
        {
            throw new DomainException(L("Ce compte n'existe pas.", "This account does not exist."), "members");
        }

        await db.FenceAsync("interview-jury", request.SeasonId, cancellationToken); // two leads saving at once: one list wins whole
        db.JuryMembers.RemoveRange(await db.JuryMembers.Where(j => j.SeasonId == request.SeasonId).ToListAsync(cancellationToken));
        var jury = members.Select(m => new JuryMember(request.SeasonId, m.Name!.Trim(), string.IsNullOrWhiteSpace(m.Organisation) ? null : m.Organisation.Trim(), m.UserId)).ToList();
        db.JuryMembers.AddRange(jury);
        await db.SaveChangesAsync(cancellationToken);
        return jury.Select(j => new JuryMemberDto(j.Id, j.Name, j.Organisation, j.UserId)).ToList();
    }
}

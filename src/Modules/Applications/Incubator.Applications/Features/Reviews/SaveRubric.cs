using FluentValidation;
using Incubator.Applications.Domain;
using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Identity;
using Incubator.BuildingBlocks.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

internal sealed record SaveRubric(Guid SeasonId, RubricInput Input) : IRequest<RubricDto>;

internal sealed class SaveRubricValidator : AbstractValidator<SaveRubric>
{
    public SaveRubricValidator()
    {
        RuleFor(r => r.Input.Criteria).NotEmpty().OverridePropertyName("criteria");
        RuleForEach(r => r.Input.Criteria).ChildRules(c =>
        {
            c.RuleFor(x => x.Key).NotEmpty();
            c.RuleFor(x => x.Label).NotEmpty();
            c.RuleFor(x => x.Weight).NotNull();
        }).OverridePropertyName("criteria");
    }
}

internal sealed class SaveRubricHandler(ApplicationsDbContext db, ReviewAccess access) : IRequestHandler<SaveRubric, RubricDto>
{
    public async Task<RubricDto> Handle(SaveRubric request, CancellationToken cancellationToken)
    {
        await db.FenceAsync(ReviewAccess.RubricFence, request.SeasonId, cancellationToken);
        var rubric = await db.Rubrics.FirstOrDefaultAsync(r => r.SeasonId == request.SeasonId, cancellationToken);
        if (rubric is null)
        {
            rubric = Rubric.Default(request.SeasonId);
            db.Rubrics.Add(rubric);
        }

        var scored = await db.Reviews.AnyAsync(r => r.SeasonId == request.SeasonId && r.State == ReviewState.Scored, cancellationToken);
        rubric.SetCriteria(request.Input.Criteria!.Select(c => new Criterion(c.Key!, c.Label!, c.Weight!.Value)).ToList(), scored);
        rubric.SetCommittee(request.Input.ReviewerUserIds ?? rubric.ReviewerUserIds, request.Input.BlindReview ?? rubric.BlindReview);
        await db.SaveChangesAsync(cancellationToken);
        return await access.RubricDtoAsync(rubric, cancellationToken);
    }
}

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

public sealed record CriterionDto(string? Key, string? Label, double? Weight);

public sealed record RubricDto(Guid SeasonId, IReadOnlyList<CriterionDto> Criteria, IReadOnlyList<Guid> ReviewerUserIds, bool BlindReview, bool WeightsLocked, Guid Version);

public sealed record RubricInput(IReadOnlyList<CriterionDto>? Criteria, IReadOnlyList<Guid>? ReviewerUserIds, bool? BlindReview);

public sealed record ReviewInput(Dictionary<string, int>? Scores, string? Comment, bool? ConflictOfInterest);

public sealed record ReviewDto(Guid Id, Guid ApplicationId, string State, IReadOnlyDictionary<string, int> Scores, string? Comment, double? WeightedScore)
{
    internal static ReviewDto From(Review r) => new(r.Id, r.ApplicationId, r.State.ToString(), r.Scores, r.Comment, r.WeightedScore);
}

/// <summary>What the review page shows: the content only once the caller may read it, the criteria, their own review.</summary>
public sealed record ReviewPageData(Guid ApplicationId, Guid SeasonId, ApplicationDto? Application, IReadOnlyList<CriterionDto> Criteria, ReviewDto? MyReview);

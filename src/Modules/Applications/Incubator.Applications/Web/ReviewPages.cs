using Incubator.Applications.Features;
using Incubator.BuildingBlocks.Application;
using Incubator.Seasons.Contracts;

namespace Incubator.Applications.Web;

public sealed record BoardPage(SeasonSummary Season, BoardFilter Filter, PagedResult<BoardRowDto> Board, bool IsLead);

public sealed record ReviewPage(ReviewPageData Data, bool IsLead);

public sealed record CommitteeSeason(Guid Id, string Name, string Status);

public sealed class RubricForm
{
    public List<CriterionRow> Criteria { get; set; } = [];

    /// <summary>The version shown (posted as <c>__version</c>); saving over a newer one is refused (409).</summary>
    [Microsoft.AspNetCore.Mvc.ModelBinder(Name = Incubator.BuildingBlocks.Web.VersionFilter.FormField)]
    public Guid? Version { get; set; }

    public List<Guid> ReviewerUserIds { get; set; } = [];

    public bool BlindReview { get; set; }
}

public sealed class CriterionRow
{
    public string? Key { get; set; }

    public string? Label { get; set; }

    public double? Weight { get; set; }
}

public sealed record RubricPage(SeasonSummary Season, RubricForm Form, bool WeightsLocked, IReadOnlyList<Incubator.BuildingBlocks.Identity.UserContact> Reviewers);

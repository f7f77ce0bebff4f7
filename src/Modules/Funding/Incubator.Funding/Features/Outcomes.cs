using Incubator.Funding.Domain;
using Incubator.Funding.Persistence;
using Incubator.Impact.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Funding.Features;

public sealed record LegalFormCount(string LegalForm, int Projects);

/// <summary>
/// One stage's questionnaires (entry, exit, <c>m6</c>…): how many were opened and answered, and what the answers add
/// up to. Every figure counts answered questionnaires only: <c>answered</c> says how many.
/// </summary>
public sealed record StageOutcomes(
    string Stage,
    int Opened,
    int Answered,
    decimal? AnsweredRate,
    int ActivitiesLaunched,
    int ActivitiesStopped,
    decimal JobsFte,
    int PeopleEmployed,
    int PermanentContracts,
    int Volunteers,
    int PeopleReached,
    IReadOnlyList<LegalFormCount> LegalForms);

/// <summary>A skill the holders rated themselves on (1 to 5), on average at entry and at exit, over the projects that rated it both times.</summary>
public sealed record SkillProgress(string Skill, int Projects, decimal? AtEntry, decimal? AtExit);

/// <summary>
/// Months after the season's end, the activities launched that still run: <c>active</c> of <c>launchedOrStopped</c>
/// answered (an activity not yet launched is neither alive nor dead).
/// </summary>
public sealed record Survival(string Stage, int Answered, int Active, int LaunchedOrStopped, decimal? Rate);

public sealed record OutcomesDto(IReadOnlyList<StageOutcomes> Stages, IReadOnlyList<SkillProgress> Skills, IReadOnlyList<Survival> Survival);

/// <summary>A past cohort of the same program, as far as it has been followed: its outcomes at exit and its survival.</summary>
public sealed record CohortOutcomes(Guid SeasonId, string SeasonName, DateOnly StartsOn, DateOnly EndsOn, int ProjectsAccompanied, OutcomesDto Outcomes);

internal sealed record OutcomeRow(Guid ProjectId, Guid SeasonId, string Stage, string Status, string? Activity, string? LegalForm, decimal? JobsFte,
    int? PeopleEmployed, int? PermanentContracts, int? Volunteers, int? PeopleReached,
    int? SkillEconomicModel, int? SkillLegal, int? SkillManagement, int? SkillFunding, int? SkillCooperation);

/// <summary>The outcomes of a cohort, from the questionnaires' rows (a few per project: read in one query, added up here).</summary>
internal static class OutcomeFigures
{
    private static readonly (string Skill, Func<OutcomeRow, int?> Rating)[] Ratings =
    [
        (Skills.EconomicModel, r => r.SkillEconomicModel),
        (Skills.Legal, r => r.SkillLegal),
        (Skills.Management, r => r.SkillManagement),
        (Skills.Funding, r => r.SkillFunding),
        (Skills.Cooperation, r => r.SkillCooperation),
    ];

    /// <summary>The questionnaires' rows of every season of a program (the report and the track record read them so).</summary>
    public static IQueryable<OutcomeRow> OfProgram(FundingDbContext db, Guid programId) =>
        db.Questionnaires.AsNoTracking().Where(q => q.ProgramId == programId)
            .Select(q => new OutcomeRow(q.ProjectId, q.SeasonId, q.Stage, q.Status, q.Activity, q.LegalForm, q.JobsFte, q.PeopleEmployed,
                q.PermanentContracts, q.Volunteers, q.PeopleReached, q.SkillEconomicModel, q.SkillLegal, q.SkillManagement, q.SkillFunding, q.SkillCooperation));

    public static OutcomesDto Compute(IReadOnlyList<OutcomeRow> rows)
    {
        var answered = rows.Where(r => r.Status == ReportQuestionnaire.Answered).ToList();
        var stages = rows.GroupBy(r => r.Stage).OrderBy(g => Stages.Order(g.Key)).Select(g =>
        {
            var a = g.Where(r => r.Status == ReportQuestionnaire.Answered).ToList();
            return new StageOutcomes(g.Key, g.Count(), a.Count, g.Any() ? Math.Round((decimal)a.Count / g.Count(), 4) : null,
                a.Count(r => r.Activity == "Launched"), a.Count(r => r.Activity == "Stopped"),
                a.Sum(r => r.JobsFte ?? 0), a.Sum(r => r.PeopleEmployed ?? 0), a.Sum(r => r.PermanentContracts ?? 0), a.Sum(r => r.Volunteers ?? 0),
                a.Sum(r => r.PeopleReached ?? 0),
                a.Where(r => r.LegalForm is not null).GroupBy(r => r.LegalForm!).Select(f => new LegalFormCount(f.Key, f.Count()))
                    .OrderByDescending(f => f.Projects).ThenBy(f => f.LegalForm, StringComparer.Ordinal).ToList());
        }).ToList();

        var entry = answered.Where(r => r.Stage == Stages.Entry).ToDictionary(r => r.ProjectId);
        var exit = answered.Where(r => r.Stage == Stages.Exit).ToDictionary(r => r.ProjectId);
        var skills = Ratings.Select(s =>
        {
            var pairs = entry.Keys.Where(exit.ContainsKey)
                .Select(id => (Entry: s.Rating(entry[id]), Exit: s.Rating(exit[id])))
                .Where(p => p.Entry is not null && p.Exit is not null).ToList();
            return new SkillProgress(s.Skill, pairs.Count, pairs.Count == 0 ? null : Math.Round((decimal)pairs.Average(p => p.Entry!.Value), 2),
                pairs.Count == 0 ? null : Math.Round((decimal)pairs.Average(p => p.Exit!.Value), 2));
        }).ToList();

        var survival = stages.Where(s => Stages.MonthsAfterEnd(s.Stage) > 0).Select(s =>
        {
            var launchedOrStopped = s.ActivitiesLaunched + s.ActivitiesStopped;
            return new Survival(s.Stage, s.Answered, s.ActivitiesLaunched, launchedOrStopped,
                launchedOrStopped == 0 ? null : Math.Round((decimal)s.ActivitiesLaunched / launchedOrStopped, 4));
        }).ToList();
        return new OutcomesDto(stages, skills, survival);
    }
}

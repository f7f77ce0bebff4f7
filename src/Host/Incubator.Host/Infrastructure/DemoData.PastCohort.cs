using Incubator.Applications.Features;
using Incubator.BuildingBlocks.Application;
using Incubator.Impact.Contracts;
using Incubator.Impact.Domain;
using Incubator.Impact.Features;
using Incubator.Seasons.Features.Cohort;
using Incubator.Seasons.Features.Seasons;
using ApplicationInput = Incubator.Applications.Features.ApplicationInput;

namespace Incubator.Host.Infrastructure;

/// <summary>
/// The program's cohort of two years before: four projects, followed since (issue 26). Their questionnaires opened on
/// their dates with the clock moved there; some were answered, some not, as in life.
/// </summary>
internal sealed partial class DemoData
{
    private static readonly (string Name, string Commune, string Department)[] PastProjects =
    [
        ("Boulangerie coopérative de Saillans", "Saillans", "26"),
        ("Ressourcerie du Val de Drôme", "Eurre", "26"),
        ("Mobilité solidaire des Boutières", "Le Cheylard", "07"),
        ("Jardins d'insertion de Privas", "Privas", "07"),
    ];

    private static Answers Entry(int p) => new(ActivityStatus.NotYet, SkillEconomicModel: 2, SkillLegal: 1 + p % 2, SkillManagement: 2, SkillFunding: 1, SkillCooperation: 3);

    private async Task ReplayPastCohortAsync(DateTimeOffset today, Actor lead, List<Actor> applicants, CancellationToken ct)
    {
        var program = (await SendAs(lead, new Seasons.Features.Programs.ListPrograms(), ct))[0];
        var t0 = today.AddDays(-200).AddYears(-2);
        At(t0.AddDays(-2));
        var startsOn = new DateOnly(ParisTime.ToLocal(t0).Year, ParisTime.ToLocal(t0).Month, 1).AddMonths(2);
        var season = await SendAs(lead, new SaveSeason(null, new SeasonInput(program.Id, $"Saison {startsOn.Year}", startsOn, null, t0.AddDays(-1), t0.AddDays(30), 4)), ct);
        await SendAs(lead, new OpenApplications(season.Id), ct);
        var holders = applicants.Skip(6).Take(PastProjects.Length).ToList();
        var ids = new List<Guid>();
        for (var i = 0; i < PastProjects.Length; i++)
        {
            At(t0.AddDays(2 + i));
            var (name, commune, department) = PastProjects[i];
            var draft = await SendAs(holders[i], new CreateDraft(season.Id, new ApplicationInput(name, $"{name} : une activité collective à {commune}.",
                "L'emploi et les services de proximité en zone rurale.", commune, department, "Un collectif d'habitants et de professionnels.",
                "Ventes, prestations et subventions de démarrage.", [new TeamMemberDto("Sam Roux", "Cofondateur·rice", null)])), ct);
            await SendAs(holders[i], new SubmitApplication(draft.Id), ct);
            ids.Add(draft.Id);
        }

        At(t0.AddDays(31));
        await SendAs(lead, new CloseApplications(season.Id), ct);
        foreach (var id in ids)
        {
            await SendAs(lead, new DecideApplication(id, "select", "Un besoin avéré et une équipe engagée."), ct);
        }

        await DeliverAsync(ct);
        At(t0.AddDays(35));
        await SendAs(lead, new ProposeCohort(season.Id, new CohortProposal(ids)), ct);
        await SendAs(lead, new ApproveCohort(season.Id), ct);
        await DeliverAsync(ct);

        var end = ParisTime.FromLocal(season.EndsOn.ToDateTime(new TimeOnly(9, 0)));
        await FollowUpAsync(t0.AddDays(35), holders, Stages.Entry, [0, 1, 2], Entry, ct);
        await FollowUpAsync(end, holders, Stages.Exit, [0, 1, 2], p => p == 2
            ? new Answers(ActivityStatus.NotYet, LegalForm: LegalForm.NotYet, Volunteers: 3, SkillEconomicModel: 3, SkillLegal: 2, SkillManagement: 3, SkillFunding: 2, SkillCooperation: 4)
            : new Answers(ActivityStatus.Launched, DateOnly.FromDateTime(ParisTime.ToLocal(end.AddMonths(-3 - p))), p == 0 ? LegalForm.Scop : LegalForm.Association,
                JobsFte: 1.5m + p, PeopleEmployed: 2 + p, PermanentContracts: 1, Volunteers: 6, TurnoverBand: TurnoverBand.From10kTo50k, SalesShare: 60, SubsidiesShare: 35,
                DonationsShare: 5, PeopleReached: 150 + 100 * p, Communes: PastProjects[p].Commune,
                SkillEconomicModel: 4, SkillLegal: 3 + p, SkillManagement: 4, SkillFunding: 3, SkillCooperation: 4), ct);
        await FollowUpAsync(end.AddMonths(6), holders, Stages.FollowUp(6), [0, 1], p => new Answers(ActivityStatus.Launched, LegalForm: p == 0 ? LegalForm.Scop : LegalForm.Association,
            JobsFte: 2m + p, PeopleEmployed: 3 + p, PermanentContracts: 2, Volunteers: 5, PeopleReached: 250 + 100 * p), ct);
        if (end.AddMonths(12) < today)
        {
            await FollowUpAsync(end.AddMonths(12), holders, Stages.FollowUp(12), [0], _ => new Answers(ActivityStatus.Launched, LegalForm: LegalForm.Scop,
                JobsFte: 3m, PeopleEmployed: 4, PermanentContracts: 3, Volunteers: 4, PeopleReached: 400), ct);
        }

        At(today.AddMinutes(-1));
        await RunAsync(Impact.Jobs.QuestionnairesJob.JobId, ct); // what was left unanswered for sixty days is counted so
        await DeliverAsync(ct);
    }

    /// <summary>
    /// The clock at the stage's date: the job opens the questionnaires; two days later the given projects answer; the
    /// others get their reminders (7 and 21 days on) and, sixty days on, count as unanswered, as far as today allows.
    /// </summary>
    private async Task FollowUpAsync(DateTimeOffset on, List<Actor> holders, string stage, int[] answering, Func<int, Answers> answers, CancellationToken ct)
    {
        At(on.AddHours(1));
        await RunAsync(Impact.Jobs.QuestionnairesJob.JobId, ct);
        await DeliverAsync(ct);
        At(on.AddDays(2));
        foreach (var p in answering)
        {
            var questionnaire = (await SendAs(holders[p], new MyQuestionnaires(), ct)).Where(q => q.Stage == stage).OrderByDescending(q => q.OpensOn).First();
            await SendAs(holders[p], new AnswerQuestionnaire(questionnaire.Id, new AnswerInput(answers(p))), ct);
        }

        foreach (var days in new[] { 8, 22, 61 })
        {
            At(NotAfterNow(on.AddDays(days)));
            await RunAsync(Impact.Jobs.QuestionnairesJob.JobId, ct);
        }

        await DeliverAsync(ct);
    }

    /// <summary>The instant, or a minute before the real now if it is later: the demo never writes in the future.</summary>
    private DateTimeOffset NotAfterNow(DateTimeOffset instant)
    {
        var now = clock.GetUtcNow() - clock.Shift;
        return instant < now ? instant : now.AddMinutes(-1);
    }
}

using Incubator.BuildingBlocks.Messaging;
using Incubator.Funding.Domain;
using Incubator.Funding.Persistence;
using Incubator.Impact.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Funding.Features;

// The Impact module's questionnaires, kept for the report's outcomes (issue 26). Each handler upserts by the
// questionnaire's id and whatever order they arrive in, the row ends the same: an answer (the highest revision) wins
// over "unanswered", and "opened" never undoes either.

internal sealed class WhenQuestionnaireOpened(FundingDbContext db, TimeProvider time) : InboxHandler<QuestionnaireOpened, FundingDbContext>(db, time)
{
    protected override Task HandleOnceAsync(QuestionnaireOpened opened, CancellationToken cancellationToken) =>
        ReportQuestionnaires.RowAsync(Db, opened.QuestionnaireId, opened.ProjectId, opened.SeasonId, opened.ProgramId, opened.Stage, cancellationToken);
}

internal sealed class WhenQuestionnaireAnswered(FundingDbContext db, TimeProvider time) : InboxHandler<QuestionnaireAnswered, FundingDbContext>(db, time)
{
    protected override async Task HandleOnceAsync(QuestionnaireAnswered answered, CancellationToken cancellationToken)
    {
        var row = await ReportQuestionnaires.RowAsync(Db, answered.QuestionnaireId, answered.ProjectId, answered.SeasonId, answered.ProgramId, answered.Stage, cancellationToken);
        if (row.Revision >= answered.Revision)
        {
            return;
        }

        var f = answered.Facts;
        (row.Status, row.AnsweredAt, row.Revision) = (ReportQuestionnaire.Answered, answered.AnsweredAt, answered.Revision);
        (row.Activity, row.LegalForm, row.JobsFte, row.PeopleEmployed, row.PermanentContracts, row.Volunteers, row.PeopleReached) =
            (f.Activity, f.LegalForm, f.JobsFte, f.PeopleEmployed, f.PermanentContracts, f.Volunteers, f.PeopleReached);
        (row.SkillEconomicModel, row.SkillLegal, row.SkillManagement, row.SkillFunding, row.SkillCooperation) =
            (f.SkillEconomicModel, f.SkillLegal, f.SkillManagement, f.SkillFunding, f.SkillCooperation);
    }
}

internal sealed class WhenQuestionnaireClosedUnanswered(FundingDbContext db, TimeProvider time) : InboxHandler<QuestionnaireClosedUnanswered, FundingDbContext>(db, time)
{
    protected override async Task HandleOnceAsync(QuestionnaireClosedUnanswered closed, CancellationToken cancellationToken)
    {
        var row = await ReportQuestionnaires.RowAsync(Db, closed.QuestionnaireId, closed.ProjectId, closed.SeasonId, closed.ProgramId, closed.Stage, cancellationToken);
        if (row.Status != ReportQuestionnaire.Answered)
        {
            row.Status = ReportQuestionnaire.Unanswered;
        }
    }
}

internal static class ReportQuestionnaires
{
    public static async Task<ReportQuestionnaire> RowAsync(FundingDbContext db, Guid id, Guid projectId, Guid seasonId, Guid programId, string stage, CancellationToken cancellationToken)
    {
        var row = await db.Questionnaires.FirstOrDefaultAsync(q => q.QuestionnaireId == id, cancellationToken);
        if (row is null)
        {
            row = new ReportQuestionnaire(id, projectId, seasonId, programId, stage);
            db.Questionnaires.Add(row);
        }

        return row;
    }
}

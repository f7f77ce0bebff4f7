namespace Incubator.Funding.Domain;

/// <summary>
/// A project's questionnaire at one stage (entry, exit, months after the end), as the Impact module published it: opened,
/// answered (at its latest revision) or counted unanswered, with the answers the report counts. No names, no free text.
/// </summary>
internal sealed class ReportQuestionnaire
{
    /// <summary>The statuses a row goes through, as stored (and counted by the report's queries).</summary>
    public const string Open = "Open", Answered = "Answered", Unanswered = "Unanswered";

    private ReportQuestionnaire()
    {
        Stage = Status = string.Empty;
    }

    public ReportQuestionnaire(Guid questionnaireId, Guid projectId, Guid seasonId, Guid programId, string stage)
    {
        QuestionnaireId = questionnaireId;
        ProjectId = projectId;
        SeasonId = seasonId;
        ProgramId = programId;
        Stage = stage;
        Status = Open;
    }

    public Guid QuestionnaireId { get; private set; }

    public Guid ProjectId { get; private set; }

    public Guid SeasonId { get; private set; }

    public Guid ProgramId { get; private set; }

    public string Stage { get; private set; }

    /// <summary>Open, Answered or Unanswered.</summary>
    public string Status { get; set; }

    public DateTimeOffset? AnsweredAt { get; set; }

    public int Revision { get; set; }

    public string? Activity { get; set; }

    public string? LegalForm { get; set; }

    public decimal? JobsFte { get; set; }

    public int? PeopleEmployed { get; set; }

    public int? PermanentContracts { get; set; }

    public int? Volunteers { get; set; }

    public int? PeopleReached { get; set; }

    public int? SkillEconomicModel { get; set; }

    public int? SkillLegal { get; set; }

    public int? SkillManagement { get; set; }

    public int? SkillFunding { get; set; }

    public int? SkillCooperation { get; set; }
}

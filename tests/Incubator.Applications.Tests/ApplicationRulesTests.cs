using Incubator.Applications.Contracts;
using Incubator.Applications.Domain;
using Incubator.BuildingBlocks.Application;

namespace Incubator.Applications.Tests;

public sealed class ApplicationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 10, 14, 0, 0, TimeSpan.Zero);

    private static ApplicationAnswers Complete(string department = "07") => new(
        "Tiers-lieu de Crest", "Un lieu partagé", "Le lien social", "Crest", department,
        "Une SCIC de 12 sociétaires", "Location d'espaces et café associatif",
        [new TeamMember("Lou Bernard", "Porteuse", "lou@example.org")]);

    private static Application Draft(ApplicationAnswers? answers = null) =>
        Application.Draft(Guid.NewGuid(), Guid.NewGuid(), answers ?? Complete(), Now);

    [Theory]
    [InlineData("01")]
    [InlineData("2A")]
    [InlineData("2b")]
    [InlineData("95")]
    [InlineData("971")]
    [InlineData("976")]
    public void Given_a_real_department_When_answering_Then_accepted_and_normalized(string code)
    {
        var application = Draft(Complete(code));

        Assert.Equal(code.ToUpperInvariant(), application.DepartmentCode);
    }

    [Theory]
    [InlineData("00")]
    [InlineData("20")]
    [InlineData("96")]
    [InlineData("975")]
    [InlineData("977")]
    [InlineData("7")]
    public void Given_a_code_that_is_no_department_When_answering_Then_refused_on_departmentCode(string code)
    {
        var error = Assert.Throws<DomainException>(() => Draft(Complete(code)));

        Assert.Equal("departmentCode", error.Field);
    }

    [Fact]
    public void Given_an_empty_draft_When_submitting_Then_each_missing_answer_is_named()
    {
        var application = Draft(new ApplicationAnswers("Projet", null, null, null, null, null, null, []));

        var error = Assert.Throws<RequestValidationException>(() => application.Submit(Now, windowOpen: true));

        Assert.Equal(
            ["collectiveDimension", "commune", "departmentCode", "economicModel", "socialNeed", "summary", "team"],
            error.Errors.Keys.Order());
        Assert.Equal(ApplicationStatus.Draft, application.Status);
    }

    [Fact]
    public void Given_a_closed_window_When_submitting_Then_conflict_and_still_a_draft()
    {
        var application = Draft();

        Assert.Throws<ConflictException>(() => application.Submit(Now, windowOpen: false));
        Assert.Equal(ApplicationStatus.Draft, application.Status);
        Assert.Empty(application.PendingEvents);
    }

    [Fact]
    public void Given_a_complete_draft_When_submitting_Then_frozen_with_its_event()
    {
        var application = Draft();

        application.Submit(Now, windowOpen: true);

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        var submitted = Assert.IsType<ApplicationSubmitted>(Assert.Single(application.PendingEvents));
        Assert.Equal(("Tiers-lieu de Crest", "07", Now), (submitted.ProjectName, submitted.DepartmentCode, submitted.SubmittedAt));
        Assert.Throws<ConflictException>(() => application.Answer(Complete(), Now));
        Assert.Throws<ConflictException>(() => application.Submit(Now, windowOpen: true));
    }

    [Fact]
    public void Given_a_submitted_application_When_shortlisted_then_selected_Then_each_decision_is_published()
    {
        var application = Draft();
        application.Submit(Now, windowOpen: true);
        application.ClearPendingEvents();

        application.Decide(ApplicationDecision.Shortlisted, null, Now);
        application.Decide(ApplicationDecision.Selected, "Projet ancré dans son territoire", Now);

        Assert.Equal(ApplicationStatus.Selected, application.Status);
        Assert.Equal([ApplicationDecision.Shortlisted, ApplicationDecision.Selected],
            application.PendingEvents.Cast<ApplicationDecided>().Select(e => e.Decision));
        Assert.Throws<ConflictException>(() => application.Withdraw(Now));
    }

    [Fact]
    public void Given_a_draft_or_a_rejected_application_When_deciding_Then_conflict()
    {
        var draft = Draft();
        Assert.Throws<ConflictException>(() => draft.Decide(ApplicationDecision.Shortlisted, null, Now));

        var rejected = Draft();
        rejected.Submit(Now, windowOpen: true);
        rejected.Decide(ApplicationDecision.Rejected, "Hors du territoire", Now);
        Assert.Throws<ConflictException>(() => rejected.Decide(ApplicationDecision.Selected, null, Now));
    }

    [Fact]
    public void Given_a_submitted_application_When_withdrawn_Then_Seasons_is_told()
    {
        var application = Draft();
        application.Submit(Now, windowOpen: true);
        application.ClearPendingEvents();

        application.Withdraw(Now);

        Assert.Equal(ApplicationStatus.Withdrawn, application.Status);
        Assert.IsType<ApplicationWithdrawn>(Assert.Single(application.PendingEvents));
    }

    [Fact]
    public void Given_text_with_null_bytes_and_spaces_When_answering_Then_stored_clean()
    {
        var application = Draft(Complete() with { ProjectName = "  Garage\0 solidaire  " });

        Assert.Equal("Garage solidaire", application.ProjectName);
    }
}

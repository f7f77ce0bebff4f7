using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Incubator.BuildingBlocks.Identity;
using Incubator.Host.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Incubator.Host.Tests;

/// <summary>
/// Every route the host maps, API and pages, against every kind of person: the rule of each route is
/// written here, and a route without a rule (a new endpoint nobody decided about) fails the first test.
/// "Refused" means 401/403/404 (or the redirect to the sign-in or access-denied page); "allowed" means
/// the request got past every check of who may do it (a 400 for the empty body it was sent is fine).
/// </summary>
public sealed class AuthorizationMatrixTests : IClassFixture<HostFixture>
{
    private readonly IncubatorFactory _factory;

    public AuthorizationMatrixTests(HostFixture fixture)
    {
        _factory = fixture.Factory;
    }

    [Flags]
    public enum Who
    {
        None = 0,
        Anonymous = 1,
        Owner = 2,
        OtherApplicant = 4,
        Reviewer = 8,
        ConflictedReviewer = 16,
        Coach = 32,
        OtherCoach = 64,
        Lead = 128,
        Admin = 256,
        Leads = Lead | Admin,
        Committee = Reviewer | ConflictedReviewer | Leads,
        Coaches = Coach | OtherCoach | Leads,
        SignedIn = Owner | OtherApplicant | Reviewer | ConflictedReviewer | Coach | OtherCoach | Leads,
        Everyone = Anonymous | SignedIn,
    }

    private static readonly Who[] People = Enum.GetValues<Who>().Where(w => w != Who.None && (w & (w - 1)) == 0).ToArray();

    /// <param name="Refused409">People refused with a 409 that says why (a reviewer who declared a conflict of interest).</param>
    /// <param name="Last">Changes what later requests would see (withdraws, deletes, signs out): sent after all others.</param>
    private sealed record Rule(
        string Method,
        string Pattern,
        Func<Scenario, string> Path,
        Who Allowed,
        Func<Scenario, HttpContent?>? Body = null,
        Who Refused409 = Who.None,
        bool Last = false,
        bool AnswersBadInput = false,
        Func<Scenario, Dictionary<string, string>>? Form = null)
    {
        public string Key => $"{Method} {Pattern}";

        public bool IsPage => !Pattern.TrimStart('/').StartsWith("api/", StringComparison.Ordinal);
    }

    private static Rule Get(string pattern, Func<Scenario, string> path, Who allowed, Who refused409 = Who.None) =>
        new("GET", pattern, path, allowed, Refused409: refused409);

    private static Rule Post(string pattern, Func<Scenario, string> path, Who allowed, Func<Scenario, HttpContent?>? body = null, Who refused409 = Who.None, bool last = false) =>
        new("POST", pattern, path, allowed, body, refused409, last);

    private static Rule Put(string pattern, Func<Scenario, string> path, Who allowed, Func<Scenario, HttpContent?>? body = null) =>
        new("PUT", pattern, path, allowed, body);

    private static JsonContent Json(object value) => JsonContent.Create(value);

    private static readonly Dictionary<string, int> Scores = new()
    {
        ["socialNeed"] = 3, ["territorialAnchoring"] = 3, ["collectiveDimension"] = 3, ["economicModel"] = 3, ["team"] = 3,
    };

    private static readonly object ReviewBody = new { scores = Scores, conflictOfInterest = false };

    private static object JuryBody(Scenario s) => new { members = s.JuryIds.Select((id, i) => new { name = $"Juré {i + 1}", userId = id }).ToArray() };

    /// <summary>The committee members who sit on the season's interview jury.</summary>
    private const Who Jury = Who.Reviewer | Who.ConflictedReviewer;

    /// <summary>The rule of every route. Routes open to everyone must also carry no authorization requirement.</summary>
    private static readonly Rule[] Rules =
    [
        // The host: home, language, errors, health, OpenAPI.
        Get("", _ => "/", Who.Everyone),
        Post("culture", _ => "/culture", Who.Everyone),
        new("*", "error", _ => "/error", Who.Everyone, AnswersBadInput: true),
        new("*", "error/{code:int}", _ => "/error/404", Who.Everyone),
        new("*", "/health/live", _ => "/health/live", Who.Everyone),
        new("*", "/health/ready", _ => "/health/ready", Who.Everyone),
        Get("/openapi/{documentName}.json", _ => "/openapi/v1.json", Who.Everyone),

        // Accounts: pages and the Identity API.
        Get("account/login", _ => "/account/login", Who.Everyone),
        Post("account/login", _ => "/account/login", Who.Everyone),
        Get("account/register", _ => "/account/register", Who.Everyone),
        Post("account/register", _ => "/account/register", Who.Everyone),
        Get("account/denied", _ => "/account/denied", Who.Everyone),
        Post("account/logout", _ => "/account/logout", Who.SignedIn, last: true),
        Post("/api/auth/register", _ => "/api/auth/register", Who.Everyone),
        // These answer what they are sent, whoever sends it: wrong credentials or link (401), nothing to show (404).
        Post("/api/auth/login", _ => "/api/auth/login", Who.Everyone) with { AnswersBadInput = true },
        Post("/api/auth/refresh", _ => "/api/auth/refresh", Who.Everyone) with { AnswersBadInput = true },
        Get("/api/auth/confirmEmail", s => $"/api/auth/confirmEmail?userId={s.OwnerId}&code=bm90LWEtY29kZQ", Who.Everyone) with { AnswersBadInput = true },
        Post("/api/auth/resendConfirmationEmail", _ => "/api/auth/resendConfirmationEmail", Who.Everyone),
        Post("/api/auth/forgotPassword", _ => "/api/auth/forgotPassword", Who.Everyone),
        Post("/api/auth/resetPassword", _ => "/api/auth/resetPassword", Who.Everyone),
        Post("/api/auth/manage/2fa", _ => "/api/auth/manage/2fa", Who.SignedIn),
        Get("/api/auth/manage/info", _ => "/api/auth/manage/info", Who.SignedIn),
        Post("/api/auth/manage/info", _ => "/api/auth/manage/info", Who.SignedIn),
        Get("api/users/me", _ => "/api/users/me", Who.SignedIn),
        Get("api/users", _ => "/api/users", Who.Leads),
        Get("api/users/{id:guid}", s => $"/api/users/{s.OwnerId}", Who.Leads),
        Post("api/users", _ => "/api/users", Who.Leads),
        Get("audit", _ => "/audit", Who.Leads),
        Get("api/audit", _ => "/api/audit", Who.Leads),
        Get("consistency", _ => "/consistency", Who.Leads),
        Post("consistency", _ => "/consistency", Who.Leads),
        Get("api/consistency", _ => "/api/consistency", Who.Leads),
        Post("api/consistency/repair", _ => "/api/consistency/repair", Who.Leads),
        Get("privacy", _ => "/privacy", Who.Everyone),
        Get("account/data", _ => "/account/data", Who.SignedIn),
        Get("account/data.json", _ => "/account/data.json", Who.SignedIn),
        Post("account/delete", _ => "/account/delete", Who.SignedIn),
        Get("api/users/me/data", _ => "/api/users/me/data", Who.SignedIn),
        new("DELETE", "api/users/me", _ => "/api/users/me", Who.SignedIn),
        Get("users", _ => "/users", Who.Leads),
        Post("users", _ => "/users", Who.Leads),

        // Seasons.
        Get("api/programs", _ => "/api/programs", Who.Everyone),
        Get("api/programs/{id:guid}", s => $"/api/programs/{s.ProgramId}", Who.Everyone),
        Post("api/programs", _ => "/api/programs", Who.Leads),
        Put("api/programs/{id:guid}", s => $"/api/programs/{s.ProgramId}", Who.Leads),
        Get("api/seasons", _ => "/api/seasons", Who.Everyone),
        Get("api/seasons/{id:guid}", s => $"/api/seasons/{s.SeasonId}", Who.Everyone),
        Post("api/seasons", _ => "/api/seasons", Who.Leads),
        Put("api/seasons/{id:guid}", s => $"/api/seasons/{s.SeasonId}", Who.Leads),
        Post("api/seasons/{id:guid}/open-applications", s => $"/api/seasons/{s.SeasonId}/open-applications", Who.Leads),
        Post("api/seasons/{id:guid}/close-applications", s => $"/api/seasons/{s.SeasonId}/close-applications", Who.Leads),
        Get("api/seasons/{id:guid}/cohort", s => $"/api/seasons/{s.SeasonId}/cohort", Who.Leads),
        Get("api/seasons/{id:guid}/cohort/candidates", s => $"/api/seasons/{s.SeasonId}/cohort/candidates", Who.Leads),
        Put("api/seasons/{id:guid}/cohort", s => $"/api/seasons/{s.SeasonId}/cohort", Who.Leads),
        Post("api/seasons/{id:guid}/cohort/approve", s => $"/api/seasons/{s.SeasonId}/cohort/approve", Who.Leads),
        Get("seasons", _ => "/seasons", Who.Everyone),
        Get("seasons/{id:guid}", s => $"/seasons/{s.SeasonId}", Who.Everyone),
        Get("seasons/new", s => $"/seasons/new?programId={s.ProgramId}", Who.Leads),
        Post("seasons/new", _ => "/seasons/new", Who.Leads),
        Get("seasons/{id:guid}/edit", s => $"/seasons/{s.SeasonId}/edit", Who.Leads),
        Post("seasons/{id:guid}/edit", s => $"/seasons/{s.SeasonId}/edit", Who.Leads),
        Post("seasons/{id:guid}/open", s => $"/seasons/{s.SeasonId}/open", Who.Leads),
        Post("seasons/{id:guid}/close", s => $"/seasons/{s.SeasonId}/close", Who.Leads),
        Get("seasons/{id:guid}/cohort", s => $"/seasons/{s.SeasonId}/cohort", Who.Leads),
        Post("seasons/{id:guid}/cohort", s => $"/seasons/{s.SeasonId}/cohort", Who.Leads),
        Post("seasons/{id:guid}/cohort/approve", s => $"/seasons/{s.SeasonId}/cohort/approve", Who.Leads),
        Get("seasons/programs", _ => "/seasons/programs", Who.Leads),
        Get("seasons/programs/new", _ => "/seasons/programs/new", Who.Leads),
        Post("seasons/programs/new", _ => "/seasons/programs/new", Who.Leads),
        Get("seasons/programs/{id:guid}", s => $"/seasons/programs/{s.ProgramId}", Who.Leads),
        Get("seasons/programs/{id:guid}/edit", s => $"/seasons/programs/{s.ProgramId}/edit", Who.Leads),
        Post("seasons/programs/{id:guid}/edit", s => $"/seasons/programs/{s.ProgramId}/edit", Who.Leads),

        // Applications: the applicant's own, the committee's, the leads' decisions.
        Get("api/applications/mine", _ => "/api/applications/mine", Who.SignedIn),
        Post("api/seasons/{seasonId:guid}/applications", s => $"/api/seasons/{s.OpenSeasonId}/applications", Who.SignedIn),
        Get("api/applications/{id:guid}", s => $"/api/applications/{s.ApplicationId}", Who.Owner | Who.Reviewer | Who.Leads, refused409: Who.ConflictedReviewer),
        Put("api/applications/{id:guid}", s => $"/api/applications/{s.ApplicationId}", Who.Owner, _ => Json(new { projectName = "Autre nom" })),
        Post("api/applications/{id:guid}/submit", s => $"/api/applications/{s.ApplicationId}/submit", Who.Owner),
        Post("api/applications/{id:guid}/withdraw", s => $"/api/applications/{s.ApplicationId}/withdraw", Who.Owner, last: true),
        Get("api/applications/{id:guid}/attachment", s => $"/api/applications/{s.ApplicationId}/attachment", Who.Owner | Who.Reviewer | Who.Leads, refused409: Who.ConflictedReviewer),
        Put("api/applications/{id:guid}/attachment", s => $"/api/applications/{s.ApplicationId}/attachment", Who.Owner, _ => Uploads.PdfUpload()),
        new("DELETE", "api/applications/{id:guid}/attachment", s => $"/api/applications/{s.ApplicationId}/attachment", Who.Owner, Last: true),
        Get("api/seasons/{seasonId:guid}/applications", s => $"/api/seasons/{s.SeasonId}/applications", Who.Committee),
        Get("api/seasons/{seasonId:guid}/applications.csv", s => $"/api/seasons/{s.SeasonId}/applications.csv", Who.Committee),
        Get("api/seasons/{seasonId:guid}/rubric", s => $"/api/seasons/{s.SeasonId}/rubric", Who.Committee),
        Put("api/seasons/{seasonId:guid}/rubric", s => $"/api/seasons/{s.SeasonId}/rubric", Who.Leads),
        Post("api/applications/{id:guid}/conflict-declaration", s => $"/api/applications/{s.ApplicationId}/conflict-declaration", Who.Committee, _ => Json(new { conflictOfInterest = false })),
        Post("api/applications/{id:guid}/reviews", s => $"/api/applications/{s.ApplicationId}/reviews", Who.Reviewer | Who.Leads, _ => Json(ReviewBody), refused409: Who.ConflictedReviewer),
        Post("api/applications/{id:guid}/decision", s => $"/api/applications/{s.ApplicationId}/decision", Who.Leads),
        Get("applications/mine", _ => "/applications/mine", Who.SignedIn),
        Get("applications/new", s => $"/applications/new?seasonId={s.OpenSeasonId}", Who.SignedIn),
        Post("applications/new", s => $"/applications/new?seasonId={s.OpenSeasonId}", Who.SignedIn),
        // The read page follows the read rule of the API; a submitted application's edit page sends them to it.
        Get("applications/{id:guid}", s => $"/applications/{s.ApplicationId}", Who.Owner | Who.Reviewer | Who.Leads, refused409: Who.ConflictedReviewer),
        Get("applications/{id:guid}/edit", s => $"/applications/{s.ApplicationId}/edit", Who.Owner | Who.Reviewer | Who.Leads, refused409: Who.ConflictedReviewer),
        Post("applications/{id:guid}/edit", s => $"/applications/{s.ApplicationId}/edit", Who.Owner),
        Post("applications/{id:guid}/attachment", s => $"/applications/{s.ApplicationId}/attachment", Who.Owner, _ => Uploads.PdfUpload()),
        Post("applications/{id:guid}/withdraw", s => $"/applications/{s.ApplicationId}/withdraw", Who.Owner, last: true),
        Get("applications/review", _ => "/applications/review", Who.Committee),
        Get("applications/review/seasons/{seasonId:guid}", s => $"/applications/review/seasons/{s.SeasonId}", Who.Committee),
        Get("applications/review/{id:guid}", s => $"/applications/review/{s.ApplicationId}", Who.Committee),
        Post("applications/review/{id:guid}/declare", s => $"/applications/review/{s.ApplicationId}/declare", Who.Committee),
        Post("applications/review/{id:guid}/score", s => $"/applications/review/{s.ApplicationId}/score", Who.Reviewer | Who.Leads, refused409: Who.ConflictedReviewer) with
        {
            Form = _ => Scores.ToDictionary(p => $"scores[{p.Key}]", p => p.Value.ToString(CultureInfo.InvariantCulture)),
        },
        Post("applications/review/{id:guid}/decide", s => $"/applications/review/{s.ApplicationId}/decide", Who.Leads),
        Get("applications/review/seasons/{seasonId:guid}/rubric", s => $"/applications/review/seasons/{s.SeasonId}/rubric", Who.Leads),
        Post("applications/review/seasons/{seasonId:guid}/rubric", s => $"/applications/review/seasons/{s.SeasonId}/rubric", Who.Leads),

        // Coaching: a coach sees their pair's projects, the applicant their own.
        Get("api/seasons/{seasonId:guid}/coaching-pairs", s => $"/api/seasons/{s.SeasonId}/coaching-pairs", Who.Leads),
        Post("api/seasons/{seasonId:guid}/coaching-pairs", s => $"/api/seasons/{s.SeasonId}/coaching-pairs", Who.Leads),
        Get("api/coaching/projects/mine", _ => "/api/coaching/projects/mine", Who.Coaches),
        Get("api/coaching/projects/{projectId:guid}", s => $"/api/coaching/projects/{s.ProjectId}", Who.Owner | Who.Coach | Who.Leads),
        Post("api/coaching/projects/{projectId:guid}/sessions", s => $"/api/coaching/projects/{s.ProjectId}/sessions", Who.Coach | Who.Leads,
            _ => Json(new { date = "2026-11-20", durationMinutes = 60, format = "Video" })),
        Put("api/coaching/projects/{projectId:guid}/milestones/{key}", s => $"/api/coaching/projects/{s.ProjectId}/milestones/economicModel", Who.Coach | Who.Leads,
            _ => Json(new { status = "InProgress" })),
        Put("api/coaching/projects/{projectId:guid}/health", s => $"/api/coaching/projects/{s.ProjectId}/health", Who.Coach | Who.Leads,
            _ => Json(new { health = "OnTrack" })),
        Put("api/coaching/projects/{projectId:guid}/assignment", s => $"/api/coaching/projects/{s.ProjectId}/assignment", Who.Leads),
        Get("coaching/projects", _ => "/coaching/projects", Who.Coaches),
        Get("coaching/projects/{id:guid}", s => $"/coaching/projects/{s.ProjectId}", Who.Coach | Who.Leads),
        Post("coaching/projects/{id:guid}/sessions", s => $"/coaching/projects/{s.ProjectId}/sessions", Who.Coach | Who.Leads),
        Post("coaching/projects/{id:guid}/milestones/{key}", s => $"/coaching/projects/{s.ProjectId}/milestones/economicModel", Who.Coach | Who.Leads),
        Post("coaching/projects/{id:guid}/health", s => $"/coaching/projects/{s.ProjectId}/health", Who.Coach | Who.Leads),
        Post("coaching/projects/{id:guid}/assignment", s => $"/coaching/projects/{s.ProjectId}/assignment", Who.Leads),
        Get("coaching/mine/{id:guid}", s => $"/coaching/mine/{s.ProjectId}", Who.Owner | Who.Coach | Who.Leads),
        Get("coaching/seasons/{seasonId:guid}/pairs", s => $"/coaching/seasons/{s.SeasonId}/pairs", Who.Leads),
        Post("coaching/seasons/{seasonId:guid}/pairs", s => $"/coaching/seasons/{s.SeasonId}/pairs", Who.Leads),

        // Trainings: the season's people see its calendar; leads plan and take attendance.
        Get("api/seasons/{seasonId:guid}/trainings", s => $"/api/seasons/{s.SeasonId}/trainings", Who.Owner | Who.Coaches),
        Get("api/seasons/{seasonId:guid}/trainings.ics", s => $"/api/seasons/{s.SeasonId}/trainings.ics", Who.Owner | Who.Coaches),
        Post("api/seasons/{seasonId:guid}/trainings", s => $"/api/seasons/{s.SeasonId}/trainings", Who.Leads),
        Post("api/seasons/{seasonId:guid}/trainings/series", s => $"/api/seasons/{s.SeasonId}/trainings/series", Who.Leads),
        Get("api/seasons/{seasonId:guid}/trainings/attendance", s => $"/api/seasons/{s.SeasonId}/trainings/attendance", Who.Coaches),
        Get("api/trainings/{id:guid}", s => $"/api/trainings/{s.TrainingId}", Who.Coaches),
        Put("api/trainings/{id:guid}/attendance", s => $"/api/trainings/{s.TrainingId}/attendance", Who.Leads),
        Post("api/trainings/{id:guid}/move", s => $"/api/trainings/{s.TrainingId}/move", Who.Leads),
        Post("api/trainings/{id:guid}/cancel", s => $"/api/trainings/{s.TrainingId}/cancel", Who.Leads),
        Get("api/trainings/mine", _ => "/api/trainings/mine", Who.SignedIn),
        Get("api/trainings/feed", _ => "/api/trainings/feed", Who.SignedIn),
        Post("api/trainings/feed/renew", _ => "/api/trainings/feed/renew", Who.SignedIn, last: true),
        Get("calendar/{token}.ics", s => $"/calendar/{s.FeedToken}.ics", Who.Everyone),
        Get("api/venues", _ => "/api/venues", Who.Leads),
        Post("api/venues", _ => "/api/venues", Who.Leads),
        Get("api/trainers", _ => "/api/trainers", Who.Leads),
        Post("api/trainers", _ => "/api/trainers", Who.Leads),
        Get("trainings/seasons/{seasonId:guid}", s => $"/trainings/seasons/{s.SeasonId}", Who.Coaches),
        Post("trainings/seasons/{seasonId:guid}", s => $"/trainings/seasons/{s.SeasonId}", Who.Leads),
        Post("trainings/seasons/{seasonId:guid}/series", s => $"/trainings/seasons/{s.SeasonId}/series", Who.Leads),
        Get("trainings/{id:guid}", s => $"/trainings/{s.TrainingId}", Who.Coaches),
        Post("trainings/{id:guid}/attendance", s => $"/trainings/{s.TrainingId}/attendance", Who.Leads),
        Post("trainings/{id:guid}/move", s => $"/trainings/{s.TrainingId}/move", Who.Leads),
        Post("trainings/{id:guid}/cancel", s => $"/trainings/{s.TrainingId}/cancel", Who.Leads),
        Get("trainings/mine", _ => "/trainings/mine", Who.SignedIn),
        Post("trainings/feed/renew", _ => "/trainings/feed/renew", Who.SignedIn, last: true),
        Get("trainings/venues", _ => "/trainings/venues", Who.Leads),
        Post("trainings/venues", _ => "/trainings/venues", Who.Leads),
        Post("trainings/trainers", _ => "/trainings/trainers", Who.Leads),

        // Meetings: information meetings are public, registration needs no account; leads plan them and read who registered.
        // Jury interviews: the lead plans; the jury reads and writes; the applicant answers.
        Get("api/seasons/{seasonId:guid}/interview-slots", s => $"/api/seasons/{s.SeasonId}/interview-slots", Jury | Who.Leads),
        Post("api/seasons/{seasonId:guid}/interview-slots", s => $"/api/seasons/{s.SeasonId}/interview-slots", Who.Leads, _ => Json(new { startsAt = "2030-01-10T10:00:00+01:00", durationMinutes = 30, place = "Pôle ESS" })),
        // The held slot: a lead gets the 409 that says why it stays, so that both leads are asked.
        new("DELETE", "api/interview-slots/{slotId:guid}", s => $"/api/interview-slots/{s.HeldSlotId}", Who.Leads),
        Get("api/seasons/{seasonId:guid}/interview-jury", s => $"/api/seasons/{s.SeasonId}/interview-jury", Jury | Who.Leads),
        Put("api/seasons/{seasonId:guid}/interview-jury", s => $"/api/seasons/{s.SeasonId}/interview-jury", Who.Leads, s => Json(JuryBody(s))),
        Post("api/applications/{id:guid}/interview", s => $"/api/applications/{s.ApplicationId}/interview", Who.Leads, s => Json(new { slotId = s.HeldSlotId })),
        Get("api/applications/{id:guid}/interview", s => $"/api/applications/{s.ApplicationId}/interview", Who.Owner | Jury | Who.Leads),
        Post("api/applications/{id:guid}/interview/confirm", s => $"/api/applications/{s.ApplicationId}/interview/confirm", Who.Owner),
        // The owner's interview is confirmed by then: choosing answers 409, which says why.
        Post("api/applications/{id:guid}/interview/choose", s => $"/api/applications/{s.ApplicationId}/interview/choose", Who.Owner, s => Json(new { slotId = s.FreeSlotId })),
        Post("api/applications/{id:guid}/interview/reschedule", s => $"/api/applications/{s.ApplicationId}/interview/reschedule", Who.Owner, _ => Json(new { message = "Un empêchement." }), last: true),
        Post("api/applications/{id:guid}/interview/declaration", s => $"/api/applications/{s.ApplicationId}/interview/declaration", Who.Reviewer, _ => Json(new { conflictOfInterest = false }), refused409: Who.ConflictedReviewer),
        Put("api/applications/{id:guid}/interview/notes", s => $"/api/applications/{s.ApplicationId}/interview/notes", Who.Reviewer, _ => Json(new { recommendation = "Select" })) with { Refused409 = Who.ConflictedReviewer },

        Get("applications/interviews/seasons/{seasonId:guid}", s => $"/applications/interviews/seasons/{s.SeasonId}", Jury | Who.Leads),
        Post("applications/interviews/seasons/{seasonId:guid}/slots", s => $"/applications/interviews/seasons/{s.SeasonId}/slots", Who.Leads),
        Post("applications/interviews/seasons/{seasonId:guid}/slots/{slotId:guid}/remove", s => $"/applications/interviews/seasons/{s.SeasonId}/slots/{s.HeldSlotId}/remove", Who.Leads),
        new("POST", "applications/interviews/seasons/{seasonId:guid}/jury", s => $"/applications/interviews/seasons/{s.SeasonId}/jury", Who.Leads,
            Form: s => s.JuryIds.Select((id, i) => (Key: $"userIds[{i}]", Value: id.ToString())).ToDictionary(x => x.Key, x => x.Value)),
        new("POST", "applications/interviews/seasons/{seasonId:guid}/invite", s => $"/applications/interviews/seasons/{s.SeasonId}/invite", Who.Leads,
            Form: s => new() { ["applicationId"] = s.ApplicationId.ToString(), ["slotId"] = s.HeldSlotId.ToString() }),
        Get("applications/{id:guid}/interview", s => $"/applications/{s.ApplicationId}/interview", Who.Owner | Jury | Who.Leads),
        Post("applications/{id:guid}/interview/confirm", s => $"/applications/{s.ApplicationId}/interview/confirm", Who.Owner),
        new("POST", "applications/{id:guid}/interview/choose", s => $"/applications/{s.ApplicationId}/interview/choose", Who.Owner,
            Form: s => new() { ["slotId"] = s.FreeSlotId.ToString() }),
        Post("applications/{id:guid}/interview/reschedule", s => $"/applications/{s.ApplicationId}/interview/reschedule", Who.Owner, last: true),
        Get("applications/{id:guid}/interview/notes", s => $"/applications/{s.ApplicationId}/interview/notes", Jury | Who.Leads),
        new("POST", "applications/{id:guid}/interview/declare", s => $"/applications/{s.ApplicationId}/interview/declare", Who.Reviewer,
            Refused409: Who.ConflictedReviewer, Form: _ => new() { ["conflictOfInterest"] = "false" }),
        new("POST", "applications/{id:guid}/interview/notes", s => $"/applications/{s.ApplicationId}/interview/notes", Who.Reviewer,
            Refused409: Who.ConflictedReviewer, Form: _ => new() { ["recommendation"] = "Select" }),

        // A project's team: its holder invites and removes; anyone signed in may open an invitation's link (the link is the secret).
        Get("api/applications/{id:guid}/members", s => $"/api/applications/{s.ApplicationId}/members", Who.Owner | Who.Leads),
        Post("api/applications/{id:guid}/members", s => $"/api/applications/{s.ApplicationId}/members", Who.Owner, _ => Json(new { name = "Chloé", email = "chloe@test.local" })),
        new("DELETE", "api/applications/{id:guid}/members/{memberId:guid}", s => $"/api/applications/{s.ApplicationId}/members/{s.MemberId}", Who.Owner, Last: true),
        Post("api/projects/join/{token}", s => $"/api/projects/join/{s.MemberToken}", Who.SignedIn),
        Get("applications/{id:guid}/team", s => $"/applications/{s.ApplicationId}/team", Who.Owner | Who.Leads),
        new("POST", "applications/{id:guid}/team/invite", s => $"/applications/{s.ApplicationId}/team/invite", Who.Owner,
            Form: _ => new() { ["name"] = "Chloé", ["email"] = "chloe@test.local" }),
        Post("applications/{id:guid}/team/{memberId:guid}/remove", s => $"/applications/{s.ApplicationId}/team/{s.OtherMemberId}/remove", Who.Owner, last: true),
        Get("projects/join/{token}", s => $"/projects/join/{s.MemberToken}", Who.Everyone),
        Post("projects/join/{token}", s => $"/projects/join/{s.MemberToken}", Who.SignedIn),

        Post("api/seasons/{seasonId:guid}/information-meetings", s => $"/api/seasons/{s.SeasonId}/information-meetings", Who.Leads),
        Get("api/seasons/{seasonId:guid}/information-meetings", s => $"/api/seasons/{s.SeasonId}/information-meetings", Who.Everyone),
        Get("api/information-meetings/{id:guid}", s => $"/api/information-meetings/{s.MeetingId}", Who.Everyone),
        Post("api/information-meetings/{id:guid}/registrations", s => $"/api/information-meetings/{s.MeetingId}/registrations", Who.Everyone),
        Get("api/information-meetings/registrations/{token}", s => $"/api/information-meetings/registrations/{s.MeetingToken}", Who.Everyone),
        Post("api/information-meetings/registrations/{token}/cancel", s => $"/api/information-meetings/registrations/{s.MeetingToken}/cancel", Who.Everyone, last: true),
        Get("api/information-meetings/{id:guid}/registrations", s => $"/api/information-meetings/{s.MeetingId}/registrations", Who.Leads),
        Get("api/information-meetings/{id:guid}/registrations.csv", s => $"/api/information-meetings/{s.MeetingId}/registrations.csv", Who.Leads),
        Put("api/information-meetings/{id:guid}/attendance", s => $"/api/information-meetings/{s.MeetingId}/attendance", Who.Leads),
        Get("meetings/seasons/{seasonId:guid}", s => $"/meetings/seasons/{s.SeasonId}", Who.Everyone),
        Post("meetings/seasons/{seasonId:guid}", s => $"/meetings/seasons/{s.SeasonId}", Who.Leads),
        Post("meetings/{id:guid}/register", s => $"/meetings/{s.MeetingId}/register", Who.Everyone),
        Get("meetings/cancel/{token}", s => $"/meetings/cancel/{s.MeetingToken}", Who.Everyone),
        Post("meetings/cancel/{token}", s => $"/meetings/cancel/{s.MeetingToken}", Who.Everyone, last: true),
        Get("meetings/{id:guid}/registrations", s => $"/meetings/{s.MeetingId}/registrations", Who.Leads),
        Post("meetings/{id:guid}/attendance", s => $"/meetings/{s.MeetingId}/attendance", Who.Leads),

        // Impact: the project's people and its pair's coaches answer; leads read and set the program's follow-up.
        Get("api/questionnaires/mine", _ => "/api/questionnaires/mine", Who.SignedIn),
        Get("api/projects/{projectId:guid}/questionnaires", s => $"/api/projects/{s.ApplicationId}/questionnaires", Who.Owner | Who.Coach | Who.Leads),
        Get("api/questionnaires/{id:guid}", s => $"/api/questionnaires/{s.QuestionnaireId}", Who.Owner | Who.Coach | Who.Leads),
        Put("api/questionnaires/{id:guid}/answers", s => $"/api/questionnaires/{s.QuestionnaireId}/answers", Who.Owner | Who.Coach,
            _ => Json(new { answers = new { activity = "NotYet" }, filledDuringMeeting = true })),
        Get("api/seasons/{seasonId:guid}/questionnaires", s => $"/api/seasons/{s.SeasonId}/questionnaires", Who.Leads),
        Get("api/programs/{programId:guid}/impact-settings", s => $"/api/programs/{s.ProgramId}/impact-settings", Who.Leads),
        Put("api/programs/{programId:guid}/impact-settings", s => $"/api/programs/{s.ProgramId}/impact-settings", Who.Leads, _ => Json(new { followUpMonths = new[] { 6, 12, 24 } })),
        Get("api/programs/{programId:guid}/track-record", s => $"/api/programs/{s.ProgramId}/track-record", Who.Leads),
        Get("impact/mine", _ => "/impact/mine", Who.SignedIn),
        Get("impact/projects/{projectId:guid}", s => $"/impact/projects/{s.ApplicationId}", Who.Owner | Who.Coach | Who.Leads),
        Get("impact/questionnaires/{id:guid}", s => $"/impact/questionnaires/{s.QuestionnaireId}", Who.Owner | Who.Coach | Who.Leads),
        Post("impact/questionnaires/{id:guid}", s => $"/impact/questionnaires/{s.QuestionnaireId}", Who.Owner | Who.Coach) with
        {
            Form = _ => new() { ["Activity"] = "NotYet", ["FilledDuringMeeting"] = "true" },
        },
        Get("impact/seasons/{seasonId:guid}", s => $"/impact/seasons/{s.SeasonId}", Who.Leads),
        Get("impact/programs/{programId:guid}/settings", s => $"/impact/programs/{s.ProgramId}/settings", Who.Leads),
        Post("impact/programs/{programId:guid}/settings", s => $"/impact/programs/{s.ProgramId}/settings", Who.Leads) with
        {
            Form = _ => new() { ["FollowUpMonths"] = "6, 12, 24" },
        },
        Get("funding/programs/{programId:guid}/track-record", s => $"/funding/programs/{s.ProgramId}/track-record", Who.Leads),

        // Funding: program leads only.
        Get("api/funders", _ => "/api/funders", Who.Leads),
        Post("api/funders", _ => "/api/funders", Who.Leads),
        Post("api/funding-agreements", _ => "/api/funding-agreements", Who.Leads),
        Get("api/funding-agreements/{id:guid}", s => $"/api/funding-agreements/{s.AgreementId}", Who.Leads),
        Post("api/funding-agreements/{id:guid}/tranches/{index:int}/requested", s => $"/api/funding-agreements/{s.AgreementId}/tranches/0/requested", Who.Leads),
        Post("api/funding-agreements/{id:guid}/tranches/{index:int}/received", s => $"/api/funding-agreements/{s.AgreementId}/tranches/0/received", Who.Leads),
        Post("api/funding-agreements/{id:guid}/reports/{index:int}/submitted", s => $"/api/funding-agreements/{s.AgreementId}/reports/0/submitted", Who.Leads),
        Get("api/seasons/{seasonId:guid}/budget", s => $"/api/seasons/{s.SeasonId}/budget", Who.Leads),
        Get("api/seasons/{seasonId:guid}/funder-report", s => $"/api/seasons/{s.SeasonId}/funder-report", Who.Leads),
        Get("api/seasons/{seasonId:guid}/funder-report.csv", s => $"/api/seasons/{s.SeasonId}/funder-report.csv", Who.Leads),
        Get("api/seasons/{seasonId:guid}/funder-report.xlsx", s => $"/api/seasons/{s.SeasonId}/funder-report.xlsx", Who.Leads),
        Post("api/seasons/{seasonId:guid}/funder-report/approve", s => $"/api/seasons/{s.SeasonId}/funder-report/approve", Who.Leads),
        Get("api/seasons/{seasonId:guid}/funder-reports", s => $"/api/seasons/{s.SeasonId}/funder-reports", Who.Leads),
        Get("api/funder-reports/{id:guid}", s => $"/api/funder-reports/{s.ReportId}", Who.Leads),
        Get("funding", _ => "/funding", Who.Leads),
        Post("funding/funders", _ => "/funding/funders", Who.Leads),
        Get("funding/seasons/{seasonId:guid}", s => $"/funding/seasons/{s.SeasonId}", Who.Leads),
        Post("funding/seasons/{seasonId:guid}/agreements", s => $"/funding/seasons/{s.SeasonId}/agreements", Who.Leads),
        Post("funding/agreements/{id:guid}/tranches/{index:int}/{step:regex(^(received|requested)$)}", s => $"/funding/agreements/{s.AgreementId}/tranches/0/requested", Who.Leads),
        Post("funding/agreements/{id:guid}/reports/{index:int}/submitted", s => $"/funding/agreements/{s.AgreementId}/reports/0/submitted", Who.Leads),
        Get("funding/seasons/{seasonId:guid}/report", s => $"/funding/seasons/{s.SeasonId}/report", Who.Leads),
        Post("funding/seasons/{seasonId:guid}/report/approve", s => $"/funding/seasons/{s.SeasonId}/report/approve", Who.Leads),
        Get("funding/reports/{id:guid}", s => $"/funding/reports/{s.ReportId}", Who.Leads),
    ];

    [Fact]
    public void Given_the_hosts_endpoints_When_compared_with_the_rules_Then_each_route_has_exactly_one_rule()
    {
        _factory.CreateClient().Dispose();
        var mapped = MappedEndpoints().Select(e => e.Key).ToHashSet();
        var ruled = Rules.Select(r => r.Key).ToList();

        Assert.Equal(ruled.Count, ruled.Distinct().Count());
        Assert.Empty(mapped.Except(ruled).Select(k => $"no rule for {k}"));
        Assert.Empty(ruled.Except(mapped).Select(k => $"rule for a route that does not exist: {k}"));
    }

    [Fact]
    public void Given_routes_open_to_everyone_When_reading_their_metadata_Then_none_requires_authorization_and_every_other_does()
    {
        _factory.CreateClient().Dispose();
        var rules = Rules.ToDictionary(r => r.Key);
        var wrong = new List<string>();
        foreach (var endpoint in MappedEndpoints())
        {
            var open = endpoint.Endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null
                || endpoint.Endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Count == 0;
            if (rules.TryGetValue(endpoint.Key, out var rule) && open != (rule.Allowed == Who.Everyone))
            {
                wrong.Add($"{endpoint.Key}: open to anonymous = {open}, rule = {rule.Allowed}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public async Task Given_every_route_When_each_kind_of_person_calls_it_Then_exactly_the_people_of_its_rule_get_through()
    {
        var scenario = await ScenarioAsync();
        var failures = new List<string>();
        var ordered = Rules.Where(r => r.Method is "GET" or "*")
            .Concat(Rules.Where(r => r.Method is not ("GET" or "*") && !r.Last))
            .Concat(Rules.Where(r => r.Last).OrderBy(r => r.Pattern == "account/logout"));
        foreach (var rule in ordered)
        {
            // The refused first, so that an allowed change (a withdrawal) cannot make a refusal look right.
            foreach (var who in People.OrderBy(p => rule.Allowed.HasFlag(p)))
            {
                var (status, location, text) = await SendAsync(scenario, who, rule);
                var refused = (IsRefusal(status, location) && !(rule.AnswersBadInput && status is HttpStatusCode.Unauthorized or HttpStatusCode.NotFound))
                    || (rule.Refused409.HasFlag(who) && status == HttpStatusCode.Conflict);
                var expectedAllowed = rule.Allowed.HasFlag(who);
                if ((int)status >= 500)
                {
                    failures.Add($"{rule.Key} as {who}: {(int)status} {Excerpt(text)}");
                }
                else if (expectedAllowed == refused)
                {
                    failures.Add($"{rule.Key} as {who}: expected {(expectedAllowed ? "allowed" : "refused")}, got {(int)status} {location} {Excerpt(text)}");
                }
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} cells of the matrix are wrong:\n" + string.Join("\n", failures));
    }

    [Fact]
    public async Task Given_every_form_post_of_the_pages_When_sent_without_its_antiforgery_token_Then_400_and_nothing_done()
    {
        var scenario = await ScenarioAsync();
        var admin = scenario.People[Who.Admin].Pages;
        var missing = new List<string>();
        foreach (var rule in Rules.Where(r => r.IsPage && r.Method is "POST" or "PUT" or "DELETE"))
        {
            using var request = new HttpRequestMessage(new HttpMethod(rule.Method), rule.Path(scenario)) { Content = new FormUrlEncodedContent([]) };
            request.Headers.Accept.ParseAdd("text/html");
            using var response = await admin.SendAsync(request);
            if (response.StatusCode != HttpStatusCode.BadRequest)
            {
                missing.Add($"{rule.Key}: {(int)response.StatusCode}");
            }
        }

        Assert.Empty(missing);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/account/data")).StatusCode); // still signed in: the logout post was refused too
    }

    [Fact]
    public async Task Given_the_jobs_dashboard_When_opened_Then_only_an_administrator_gets_in()
    {
        var anonymous = new PageClient(_factory);
        var admin = new PageClient(_factory);
        await admin.SignInAsync(IncubatorFactory.AdminEmail, IncubatorFactory.AdminPassword);
        var lead = new PageClient(_factory);
        var (email, _) = await _factory.AccountAsync(await _factory.AdminClientAsync(), Roles.ProgramLead, "Responsable", "Lead-Password-1");
        await lead.SignInAsync(email, "Lead-Password-1");

        Assert.NotEqual(HttpStatusCode.OK, (await anonymous.GetAsync("/jobs")).Status);
        Assert.NotEqual(HttpStatusCode.OK, (await lead.GetAsync("/jobs")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/jobs")).Status);
    }

    private IEnumerable<(string Key, RouteEndpoint Endpoint)> MappedEndpoints() =>
        _factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"]).Select(m => ($"{m} {e.RoutePattern.RawText}", e)));

    private static bool IsRefusal(HttpStatusCode status, string? location) =>
        status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden or HttpStatusCode.NotFound
        || (status == HttpStatusCode.Redirect && location is not null
            && (location.Contains("/account/login", StringComparison.Ordinal) || location.Contains("/account/denied", StringComparison.Ordinal)));

    private static string Excerpt(string text) => text.Length <= 300 ? text : text[..300];

    private static async Task<(HttpStatusCode Status, string? Location, string Text)> SendAsync(Scenario scenario, Who who, Rule rule)
    {
        var person = scenario.People[who];
        var method = rule.Method == "*" ? HttpMethod.Get : new HttpMethod(rule.Method);
        using var request = new HttpRequestMessage(method, rule.Path(scenario));
        HttpResponseMessage response;
        if (rule.IsPage)
        {
            request.Headers.Accept.ParseAdd("text/html");
            if (method != HttpMethod.Get)
            {
                var content = rule.Body?.Invoke(scenario) ?? new FormUrlEncodedContent([]);
                if (content is MultipartFormDataContent multipart)
                {
                    multipart.Add(new StringContent(person.FormToken), "__RequestVerificationToken");
                }
                else
                {
                    var fields = rule.Form?.Invoke(scenario) ?? [];
                    fields["__RequestVerificationToken"] = person.FormToken;
                    content = new FormUrlEncodedContent(fields);
                }

                request.Content = content;
            }

            response = await person.Pages.SendAsync(request);
        }
        else
        {
            if (method != HttpMethod.Get)
            {
                request.Content = rule.Body?.Invoke(scenario) ?? Json(new { });
            }

            response = await person.Api.SendAsync(request);
        }

        using (response)
        {
            return (response.StatusCode, response.Headers.Location?.ToString(), await response.Content.ReadAsStringAsync());
        }
    }

    private sealed record Person(HttpClient Api, HttpClient Pages, string FormToken);

    private sealed class Scenario
    {
        public Dictionary<Who, Person> People { get; } = [];

        public Guid OwnerId { get; set; }

        public Guid ProgramId { get; set; }

        public Guid SeasonId { get; set; }

        /// <summary>A second season whose call is open, for the routes that create an application.</summary>
        public Guid OpenSeasonId { get; set; }

        public Guid ApplicationId { get; set; }

        public Guid ProjectId { get; set; }

        public Guid TrainingId { get; set; }

        public Guid AgreementId { get; set; }

        public Guid ReportId { get; set; }

        public string FeedToken { get; set; } = "";

        public Guid MeetingId { get; set; }

        public Guid QuestionnaireId { get; set; }

        public Guid MemberId { get; set; }

        /// <summary>A second member, removed through the pages (the first one is removed through the API).</summary>
        public Guid OtherMemberId { get; set; }

        /// <summary>The secret of the team member's invitation link (sent by mail; read here in the module's database).</summary>
        public string MemberToken { get; set; } = "";

        public Guid HeldSlotId { get; set; }

        public Guid FreeSlotId { get; set; }

        /// <summary>The season's interview jury: the reviewer and the reviewer who declared a conflict.</summary>
        public Guid[] JuryIds { get; set; } = [];

        /// <summary>The secret of a registration's cancellation link (sent by mail; read here in the module's database).</summary>
        public string MeetingToken { get; set; } = "";
    }

    private sealed record PairResponse(Guid Id, List<CoachResponse> Coaches, List<PairProjectResponse> Projects);

    private sealed record CoachResponse(Guid UserId);

    private sealed record PairProjectResponse(Guid ProjectId);

    private sealed record FeedResponse(string Url);

    /// <summary>
    /// One season lived to the point where every kind of person exists: an applicant whose application
    /// (with its PDF) was submitted, reviewed, selected and approved into the cohort; two reviewers of
    /// the committee, one of whom declared a conflict; two coaching pairs, one following the project;
    /// a training session, a funder agreement and an approved funder report.
    /// </summary>
    private async Task<Scenario> ScenarioAsync()
    {
        var s = new Scenario();
        var admin = await _factory.AdminClientAsync();
        var passwords = new Dictionary<Who, (string Email, string Password)>
        {
            [Who.Admin] = (IncubatorFactory.AdminEmail, IncubatorFactory.AdminPassword),
        };
        var ids = new Dictionary<Who, Guid>();
        foreach (var (who, role) in new[]
                 {
                     (Who.Owner, Roles.Applicant), (Who.OtherApplicant, Roles.Applicant), (Who.Reviewer, Roles.Reviewer),
                     (Who.ConflictedReviewer, Roles.Reviewer), (Who.Coach, Roles.Coach), (Who.OtherCoach, Roles.Coach), (Who.Lead, Roles.ProgramLead),
                 })
        {
            var password = $"{who}-Password-1";
            var (email, id) = await _factory.AccountAsync(admin, role, who.ToString(), password);
            passwords[who] = (email, password);
            ids[who] = id;
        }

        var (_, coachPartner) = await _factory.AccountAsync(admin, Roles.Coach, "Partner", "Partner-Password-1");
        var (_, otherCoachPartner) = await _factory.AccountAsync(admin, Roles.Coach, "Other partner", "Partner-Password-1");

        var season = await _factory.OpenSeasonAsync(admin, TimeSpan.FromDays(20));
        s.SeasonId = season.Id;
        s.ProgramId = season.ProgramId;
        s.OwnerId = ids[Who.Owner];
        var owner = await _factory.ClientForAsync(passwords[Who.Owner].Email, passwords[Who.Owner].Password);
        var rubric = await admin.GetFromJsonAsync<JsonElement>($"/api/seasons/{season.Id}/rubric");
        await (await admin.PutAsJsonAsync($"/api/seasons/{season.Id}/rubric", new
        {
            criteria = rubric.GetProperty("criteria"),
            reviewerUserIds = new[] { ids[Who.Reviewer], ids[Who.ConflictedReviewer] },
            blindReview = false,
        })).EnsureSuccessAsync();
        var created = await owner.PostAsJsonAsync($"/api/seasons/{season.Id}/applications", ApplicationsApi.CompleteBody("Recyclerie du Vercors"));
        await created.EnsureSuccessAsync();
        s.ApplicationId = (await created.Content.ReadFromJsonAsync<IdResponse>())!.Id;
        await (await owner.PutAsync($"/api/applications/{s.ApplicationId}/attachment", Uploads.PdfUpload())).EnsureSuccessAsync();
        await (await owner.PostAsync($"/api/applications/{s.ApplicationId}/submit", null)).EnsureSuccessAsync();

        var reviewer = await _factory.ClientForAsync(passwords[Who.Reviewer].Email, passwords[Who.Reviewer].Password);
        var conflicted = await _factory.ClientForAsync(passwords[Who.ConflictedReviewer].Email, passwords[Who.ConflictedReviewer].Password);
        await (await reviewer.PostAsJsonAsync($"/api/applications/{s.ApplicationId}/conflict-declaration", new { conflictOfInterest = false })).EnsureSuccessAsync();
        await (await conflicted.PostAsJsonAsync($"/api/applications/{s.ApplicationId}/conflict-declaration", new { conflictOfInterest = true })).EnsureSuccessAsync();

        await (await admin.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { ids[Who.Coach], coachPartner } })).EnsureSuccessAsync();
        await (await admin.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { ids[Who.OtherCoach], otherCoachPartner } })).EnsureSuccessAsync();
        await _factory.RunJobAsync("outbox:coaching");
        await (await admin.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();
        await (await admin.PostAsJsonAsync($"/api/applications/{s.ApplicationId}/decision", new { decision = "shortlist" })).EnsureSuccessAsync();
        var slots = new List<Guid>();
        foreach (var day in new[] { 10, 11 })
        {
            var slot = await admin.PostAsJsonAsync($"/api/seasons/{season.Id}/interview-slots", new { startsAt = _factory.Clock.GetUtcNow().AddDays(day), durationMinutes = 30, place = "Pôle ESS" });
            await slot.EnsureSuccessAsync();
            slots.Add((await slot.Content.ReadFromJsonAsync<IdResponse>())!.Id);
        }

        (s.HeldSlotId, s.FreeSlotId) = (slots[0], slots[1]);
        s.JuryIds = [ids[Who.Reviewer], ids[Who.ConflictedReviewer]];
        await (await admin.PutAsJsonAsync($"/api/seasons/{season.Id}/interview-jury", JuryBody(s))).EnsureSuccessAsync();
        await (await admin.PostAsJsonAsync($"/api/applications/{s.ApplicationId}/interview", new { slotId = s.HeldSlotId })).EnsureSuccessAsync();
        await (await admin.PostAsJsonAsync($"/api/applications/{s.ApplicationId}/decision", new { decision = "select" })).EnsureSuccessAsync();
        await _factory.RunJobAsync("outbox:applications");
        await admin.ApproveCohortAsync(_factory, season.Id, [s.ApplicationId]);
        await _factory.RunJobAsync("outbox:coaching");
        await _factory.RunJobAsync("outbox:trainings");
        await _factory.RunJobAsync("impact:questionnaires");
        s.QuestionnaireId = (await owner.GetFromJsonAsync<List<IdResponse>>("/api/questionnaires/mine"))!.Single().Id;

        foreach (var name in new[] { "Basile", "Damien" })
        {
            await (await owner.PostAsJsonAsync($"/api/applications/{s.ApplicationId}/members", new { name, email = $"{name.ToLowerInvariant()}-{Guid.NewGuid():N}@test.local" })).EnsureSuccessAsync();
        }

        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var applications = scope.ServiceProvider.GetRequiredService<Incubator.Applications.Persistence.ApplicationsDbContext>();
            var members = await applications.ProjectMembers.AsNoTracking().Where(m => m.ApplicationId == s.ApplicationId).ToListAsync();
            var (basile, damien) = (members.Single(m => m.Name == "Basile"), members.Single(m => m.Name == "Damien"));
            (s.MemberId, s.MemberToken, s.OtherMemberId) = (basile.Id, basile.Token, damien.Id);
        }

        s.OpenSeasonId = (await _factory.OpenSeasonAsync(admin, TimeSpan.FromDays(20))).Id;
        var pairs = (await admin.GetFromJsonAsync<List<PairResponse>>($"/api/seasons/{season.Id}/coaching-pairs"))!;
        var following = pairs.Single(p => p.Projects.Count == 1);
        s.ProjectId = following.Projects[0].ProjectId;
        if (following.Coaches.All(c => c.UserId != ids[Who.Coach]))
        {
            // The project went to the other pair: the names follow the facts.
            (passwords[Who.Coach], passwords[Who.OtherCoach]) = (passwords[Who.OtherCoach], passwords[Who.Coach]);
        }

        var training = await admin.PostAsJsonAsync($"/api/seasons/{season.Id}/trainings", new
        {
            title = "Gouvernance partagée",
            startsAt = "2027-04-01T09:30:00+02:00",
            endsAt = "2027-04-01T17:00:00+02:00",
            venue = new { name = "La Cordonnerie", town = "Romans-sur-Isère" },
            capacity = 20,
            mode = "InPerson",
        });
        await training.EnsureSuccessAsync();
        s.TrainingId = (await training.Content.ReadFromJsonAsync<IdResponse>())!.Id;

        var funder = await admin.PostAsJsonAsync("/api/funders", new { name = $"Région Auvergne-Rhône-Alpes {Guid.NewGuid():N}", kind = "Region" });
        await funder.EnsureSuccessAsync();
        var agreement = await admin.PostAsJsonAsync("/api/funding-agreements", new
        {
            funderId = (await funder.Content.ReadFromJsonAsync<IdResponse>())!.Id,
            seasonId = season.Id,
            amount = 40000m,
            signedOn = "2026-11-02",
            reportDueOn = "2028-06-30",
            tranches = new[] { new { amount = 24000m, dueOn = "2026-12-15" }, new { amount = 16000m, dueOn = "2027-09-30" } },
        });
        await agreement.EnsureSuccessAsync();
        s.AgreementId = (await agreement.Content.ReadFromJsonAsync<IdResponse>())!.Id;
        var report = await admin.PostAsJsonAsync($"/api/seasons/{season.Id}/funder-report/approve", new { label = "Bilan intermédiaire" });
        await report.EnsureSuccessAsync();
        s.ReportId = (await report.Content.ReadFromJsonAsync<IdResponse>())!.Id;

        var meeting = await admin.PostAsJsonAsync($"/api/seasons/{season.Id}/information-meetings", new
        {
            title = "Réunion d'information", startsAt = "2027-01-14T18:00:00+01:00", endsAt = "2027-01-14T19:30:00+01:00", mode = "InPerson",
            placeName = "Tiers-lieu La Fabrique", town = "Die", capacity = 30,
        });
        await meeting.EnsureSuccessAsync();
        s.MeetingId = (await meeting.Content.ReadFromJsonAsync<IdResponse>())!.Id;
        await (await _factory.CreateClient().PostAsJsonAsync($"/api/information-meetings/{s.MeetingId}/registrations", new { name = "Camille", email = $"curieuse-{Guid.NewGuid():N}@test.local", town = "Die" })).EnsureSuccessAsync();
        await using (var scope = _factory.Services.CreateAsyncScope())
        {
            var meetings = scope.ServiceProvider.GetRequiredService<Incubator.Meetings.Persistence.MeetingsDbContext>();
            s.MeetingToken = (await meetings.InformationMeetings.AsNoTracking().SingleAsync(m => m.Id == s.MeetingId)).Registrations.Single().CancelToken;
        }

        var feed = (await owner.GetFromJsonAsync<FeedResponse>("/api/trainings/feed"))!;
        s.FeedToken = new Uri(feed.Url).AbsolutePath.Split('/')[^1].Replace(".ics", "", StringComparison.Ordinal);

        foreach (var who in People)
        {
            var pages = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
            HttpClient api;
            if (who == Who.Anonymous)
            {
                api = _factory.CreateClient();
            }
            else
            {
                var (email, password) = passwords[who];
                api = await _factory.ClientForAsync(email, password);
                var signedIn = await PostFormAsync(pages, "/account/login", new() { ["Email"] = email, ["Password"] = password });
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            }

            s.People[who] = new Person(api, pages, await TokenAsync(pages, "/"));
        }

        return s;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient pages, string url, Dictionary<string, string> fields)
    {
        fields["__RequestVerificationToken"] = await TokenAsync(pages, url);
        return await pages.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    private static async Task<string> TokenAsync(HttpClient pages, string url)
    {
        var html = await pages.GetStringAsync(url);
        var match = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(match.Success, $"no antiforgery token on {url}");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }
}

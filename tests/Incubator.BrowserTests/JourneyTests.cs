using System.Net.Http.Json;
using System.Text.Json;
using Incubator.BuildingBlocks.Identity;
using Incubator.Host.Tests.Infrastructure;
using Microsoft.Playwright;

namespace Incubator.BrowserTests;

/// <summary>
/// Each role's main task, done in a real browser through the real host: an applicant applies with the keyboard only,
/// a reviewer declares no conflict and scores, a lead shortlists, composes and approves the cohort, a coach logs a
/// session, a lead records attendance and exports the funder report. Every page visited passes axe-core.
/// </summary>
public sealed class JourneyTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    private const string Password = "Journey-Password-1";

    private Task<(string Email, Guid Id)> AccountAsync(HttpClient admin, string role, string displayName) =>
        host.Factory.AccountAsync(admin, role, displayName, Password);

    [Fact]
    public async Task Given_each_role_When_doing_their_main_task_in_the_browser_Then_it_is_done_and_no_page_has_a_serious_accessibility_violation()
    {
        var factory = host.Factory;
        var admin = await factory.AdminClientAsync();
        var season = await factory.OpenSeasonAsync(admin, TimeSpan.FromDays(20));
        var (reviewerEmail, reviewerId) = await AccountAsync(admin, Roles.Reviewer, "Rémi Relecteur");
        var (coachEmail, coachId) = await AccountAsync(admin, Roles.Coach, "Claire Accompagnatrice");
        var (_, partnerId) = await AccountAsync(admin, Roles.Coach, "Marc Accompagnateur");
        var rubric = await admin.GetFromJsonAsync<JsonElement>($"/api/seasons/{season.Id}/rubric");
        await (await admin.PutAsJsonAsync($"/api/seasons/{season.Id}/rubric", new
        {
            criteria = rubric.GetProperty("criteria").EnumerateArray().Select(c => new { key = c.GetProperty("key").GetString(), label = c.GetProperty("label").GetString(), weight = 1.0 }),
            reviewerUserIds = new[] { reviewerId },
            blindReview = false,
        })).EnsureSuccessAsync();
        await (await admin.PostAsJsonAsync($"/api/seasons/{season.Id}/coaching-pairs", new { coachUserIds = new[] { coachId, partnerId } })).EnsureSuccessAsync();
        await (await admin.PostAsJsonAsync($"/api/seasons/{season.Id}/trainings/series", new
        {
            title = "Journée collective", topic = "Modèle économique", firstStartsAt = "2027-03-04T09:30:00+01:00", durationHours = 7.5, count = 3,
            venue = new { name = "La Cordonnerie", town = "Romans-sur-Isère" }, capacity = 12, mode = "InPerson",
        })).EnsureSuccessAsync();
        var applicantEmail = $"porteuse-{Guid.NewGuid():N}@test.local";
        await (await factory.CreateClient().PostAsJsonAsync("/api/auth/register", new { email = applicantEmail, password = Password })).EnsureSuccessAsync();

        // 0. Before applying, a visitor without an account registers to an information meeting from the call's page.
        await (await admin.PostAsJsonAsync($"/api/seasons/{season.Id}/information-meetings", new
        {
            title = "Réunion d'information à Montélimar", startsAt = DateTimeOffset.UtcNow.AddDays(10), endsAt = DateTimeOffset.UtcNow.AddDays(10).AddHours(2),
            mode = "InPerson", placeName = "Pôle ESS", town = "Montélimar", capacity = 30,
        })).EnsureSuccessAsync();
        var visitor = await host.NewPageAsync();
        await visitor.GotoAsync($"/seasons/{season.Id}");
        await visitor.GetByRole(AriaRole.Link, new() { Name = "S'inscrire à une réunion d'information, sans compte" }).ClickAsync();
        await Expect(visitor, "Réunion d'information à Montélimar");
        await host.AuditAsync(visitor, "information-meetings");
        await visitor.GetByLabel("Nom et prénom *").FillAsync("Camille Curieuse");
        await visitor.GetByLabel("Courriel *").FillAsync($"curieuse-{Guid.NewGuid():N}@test.local");
        await visitor.GetByLabel("Commune *").FillAsync("Montélimar");
        await visitor.GetByRole(AriaRole.Button, new() { Name = "M'inscrire", Exact = true }).ClickAsync();
        await Expect(visitor, "Votre place est réservée");
        await host.AuditAsync(visitor, "information-meeting-registered");

        // 1. The applicant applies, with the keyboard only.
        var applicant = await host.SignInAsync(applicantEmail, Password);
        await host.AuditAsync(applicant, "applicant-home");
        await applicant.GotoAsync($"/seasons/{season.Id}");
        await host.AuditAsync(applicant, "season-call");
        await applicant.GetByRole(AriaRole.Link, new() { Name = "Déposer une candidature" }).First.ClickAsync();
        // After a click that navigates, wait for what the next page holds: a locator polls the document across the
        // navigation, where load-state waits hung on CI (see BrowserHost.SignInAsync).
        await applicant.Locator("#ProjectName").WaitForAsync();
        Assert.Contains("/applications/new", applicant.Url, StringComparison.Ordinal);
        await host.AuditAsync(applicant, "application-form");
        await TabToAsync(applicant, "ProjectName");
        foreach (var text in new[]
        {
            "Garage solidaire du Diois",
            "Un garage associatif où chacun apprend à réparer sa voiture.",
            "La mobilité en zone rurale pour les personnes aux revenus modestes.",
            "Die",
            "26",
            "Une association de 40 adhérents et des bénévoles mécaniciens.",
            "Adhésions, prestations à prix solidaire, subventions de démarrage.",
            "Inès Porteuse",
            "Coordinatrice",
        })
        {
            await applicant.Keyboard.TypeAsync(text);
            await applicant.Keyboard.PressAsync("Tab");
        }

        await TabToAsync(applicant, null, "Déposer ma candidature");
        await applicant.Keyboard.PressAsync("Enter");
        await Expect(applicant, "Votre candidature est déposée");
        Assert.DoesNotContain("/new", applicant.Url, StringComparison.Ordinal);
        Assert.DoesNotContain("/edit", applicant.Url, StringComparison.Ordinal);
        await Expect(applicant, "Déposée");
        await host.AuditAsync(applicant, "application-submitted");
        await applicant.GotoAsync("/applications/mine");
        await Expect(applicant, "Garage solidaire du Diois");
        await host.AuditAsync(applicant, "my-applications");
        var applicationId = Guid.Parse((await admin.GetFromJsonAsync<JsonElement>($"/api/seasons/{season.Id}/applications")).GetProperty("items")[0].GetProperty("id").GetString()!);
        await (await admin.PostAsync($"/api/seasons/{season.Id}/close-applications", null)).EnsureSuccessAsync();

        // 2. The reviewer declares no conflict, reads and scores.
        var reviewer = await host.SignInAsync(reviewerEmail, Password);
        await Expect(reviewer, "À évaluer");
        await host.AuditAsync(reviewer, "reviewer-home");
        await reviewer.GotoAsync("/applications/review");
        await host.AuditAsync(reviewer, "review-home");
        await reviewer.GotoAsync($"/applications/review/seasons/{season.Id}");
        await host.AuditAsync(reviewer, "review-board");
        await reviewer.GotoAsync($"/applications/review/{applicationId}");
        await host.AuditAsync(reviewer, "conflict-declaration");
        await reviewer.GetByLabel("Non, aucun conflit").CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Valider ma déclaration" }).ClickAsync();
        await Expect(reviewer, "Mon évaluation");
        foreach (var radio in await reviewer.Locator("input[type=radio][value='4']").AllAsync())
        {
            await radio.CheckAsync();
        }

        await reviewer.GetByLabel("Commentaire").FillAsync("Un besoin réel, une équipe solide.");
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mon évaluation" }).ClickAsync();
        await Expect(reviewer, "Votre évaluation est enregistrée");
        await host.AuditAsync(reviewer, "review-scored");

        // 3. The lead shortlists the project, composes and approves the cohort.
        var lead = await host.SignInAsync(IncubatorFactory.AdminEmail, IncubatorFactory.AdminPassword);
        await Expect(lead, "Entonnoir de sélection");
        await host.AuditAsync(lead, "lead-home");
        await lead.GotoAsync($"/meetings/seasons/{season.Id}");
        await host.AuditAsync(lead, "lead-information-meetings");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Inscrits et présences" }).First.ClickAsync();
        await Expect(lead, "Camille Curieuse");
        await host.AuditAsync(lead, "information-meeting-registrations");
        await lead.GotoAsync($"/applications/review/{applicationId}");
        await host.AuditAsync(lead, "lead-review");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Présélectionner", Exact = true }).ClickAsync();
        await Expect(lead, "Décision enregistrée");
        await factory.RunJobAsync("outbox:applications");

        // 3b. The lead opens an interview slot, names the jury and invites the project; the applicant confirms; the juror gives an opinion.
        await lead.GotoAsync($"/applications/interviews/seasons/{season.Id}");
        await host.AuditAsync(lead, "interviews");
        await lead.GetByLabel("Date *", new() { Exact = true }).FillAsync(DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        await lead.GetByLabel("Lieu", new() { Exact = true }).FillAsync("Pôle ESS, Valence");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le créneau" }).ClickAsync();
        await Expect(lead, "Le créneau est ouvert.");
        await lead.GetByLabel("Rémi Relecteur").CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le jury" }).ClickAsync();
        await Expect(lead, "Le jury est enregistré.");
        await lead.GetByLabel("Créneau").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await lead.GetByRole(AriaRole.Button, new() { Name = "Inviter" }).ClickAsync();
        await Expect(lead, "L'invitation est envoyée par e-mail.");
        await host.AuditAsync(lead, "interview-invited");
        await applicant.GotoAsync($"/applications/{applicationId}/interview");
        await host.AuditAsync(applicant, "my-interview");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Je confirme ce créneau" }).ClickAsync();
        await Expect(applicant, "Votre entretien est confirmé");
        await reviewer.GotoAsync($"/applications/{applicationId}/interview/notes");
        await host.AuditAsync(reviewer, "interview-declaration");
        await reviewer.GetByLabel("Non, je peux lire le dossier et donner mon avis").CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Déclarer" }).ClickAsync();
        await Expect(reviewer, "Mon avis");
        await reviewer.GetByLabel("Notes d'entretien").FillAsync("Une équipe soudée ; le modèle économique reste à préciser.");
        await reviewer.GetByLabel("Retenir", new() { Exact = true }).CheckAsync();
        await reviewer.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mon avis" }).ClickAsync();
        await Expect(reviewer, "Votre avis est enregistré.");
        await host.AuditAsync(reviewer, "interview-notes");
        await lead.GotoAsync($"/applications/{applicationId}/interview/notes");
        await Expect(lead, "Rémi Relecteur");
        await host.AuditAsync(lead, "interview-opinions");
        await lead.GotoAsync($"/applications/review/seasons/{season.Id}");
        await Expect(lead, "1 retenir, 0 attente, 0 non");
        await lead.GotoAsync($"/seasons/{season.Id}/cohort");
        await host.AuditAsync(lead, "cohort");
        await lead.GetByLabel("Garage solidaire du Diois").CheckAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Proposer cette promotion" }).ClickAsync();
        await lead.GetByRole(AriaRole.Button, new() { Name = "Approuver la promotion" }).ClickAsync();
        await Expect(lead, "approuvée");
        await host.AuditAsync(lead, "cohort-approved");
        await factory.RunJobAsync("outbox:seasons");

        // 3c. The applicant invites a team member, who creates an account from the mail's link and joins the project.
        await applicant.GotoAsync($"/applications/{applicationId}/team");
        await host.AuditAsync(applicant, "team");
        var memberEmail = $"basile-{Guid.NewGuid():N}@test.local";
        await applicant.GetByLabel("Nom et prénom *").FillAsync("Basile Membre");
        await applicant.GetByLabel("Courriel *").FillAsync(memberEmail);
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Envoyer l'invitation" }).ClickAsync();
        await Expect(applicant, "invitation envoyée");
        await factory.RunJobAsync("outbox:applications");
        var invitationMail = Assert.Single(await factory.MailsToAsync(memberEmail)).Text;
        var invitation = invitationMail[invitationMail.IndexOf("/projects/join/", StringComparison.Ordinal)..].Split('\n', '\r', ' ')[0].Trim();

        var member = await host.NewPageAsync();
        await member.GotoAsync(invitation);
        await host.AuditAsync(member, "join-invitation");
        await member.GetByRole(AriaRole.Link, new() { Name = "Créer mon compte" }).ClickAsync();
        await member.GetByLabel("Mot de passe *", new() { Exact = true }).FillAsync(Password);
        await member.GetByLabel("Confirmez le mot de passe *").FillAsync(Password);
        await member.GetByRole(AriaRole.Button, new() { Name = "Créer mon compte" }).ClickAsync();
        await member.GetByRole(AriaRole.Button, new() { Name = "Rejoindre le projet" }).ClickAsync();
        await Expect(member, "Vous avez rejoint le projet");
        await Expect(member, "Journée collective");
        await host.AuditAsync(member, "member-trainings");

        // 3d. The entry questionnaire opens with the cohort: the applicant finds it on their home page and answers it.
        await factory.RunJobAsync("impact:questionnaires");
        await factory.RunJobAsync("outbox:impact");
        await applicant.GotoAsync("/");
        await applicant.Locator("a[href^='/impact/questionnaires/']").First.ClickAsync();
        await host.AuditAsync(applicant, "questionnaire");
        await applicant.GetByLabel("Pas encore", new() { Exact = true }).CheckAsync();
        await applicant.GetByLabel("Bénévoles").FillAsync("3");
        await applicant.GetByLabel("Personnes salariées").FillAsync("2");
        await applicant.GetByLabel("dont en CDI").FillAsync("5");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mes réponses" }).ClickAsync();
        await Expect(applicant, "Pas plus de CDI que de personnes employées.");
        await host.AuditAsync(applicant, "questionnaire-error");
        await applicant.GetByLabel("dont en CDI").FillAsync("1");
        await applicant.GetByRole(AriaRole.Button, new() { Name = "Enregistrer mes réponses" }).ClickAsync();
        await Expect(applicant, "vos réponses sont enregistrées");
        await host.AuditAsync(applicant, "questionnaire-answered");
        await applicant.GotoAsync("/impact/mine");
        await Expect(applicant, "répondu");
        await host.AuditAsync(applicant, "my-questionnaires");
        await lead.GotoAsync($"/impact/seasons/{season.Id}");
        await Expect(lead, "Garage solidaire du Diois");
        await host.AuditAsync(lead, "season-impact");
        await lead.GotoAsync($"/impact/programs/{season.ProgramId}/settings");
        await lead.GetByLabel("Texte").First.FillAsync("Combien de partenaires locaux ?");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(lead, "Le suivi du programme est enregistré");
        await host.AuditAsync(lead, "impact-settings");

        // 4. A coach of the pair logs a session.
        var coach = await host.SignInAsync(coachEmail, Password);
        await Expect(coach, "Garage solidaire du Diois");
        await host.AuditAsync(coach, "coach-home");
        await coach.GotoAsync("/coaching/projects");
        await host.AuditAsync(coach, "coach-projects");
        await coach.GetByRole(AriaRole.Link, new() { Name = "Garage solidaire du Diois" }).ClickAsync();
        await host.AuditAsync(coach, "coach-project");
        await coach.GetByLabel("Durée (minutes)").FillAsync("90");
        await coach.GetByLabel("Décisions").FillAsync("Ouvrir l'atelier en mai");
        await coach.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la séance" }).ClickAsync();
        await Expect(coach, "La séance est enregistrée.");
        await host.AuditAsync(coach, "coach-session-logged");

        // 5. The lead records attendance and exports the funder report.
        await lead.GotoAsync($"/trainings/seasons/{season.Id}");
        await host.AuditAsync(lead, "training-calendar");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Journée collective" }).First.ClickAsync();
        await host.AuditAsync(lead, "training-session");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la feuille" }).ClickAsync();
        await Expect(lead, "La feuille de présence est enregistrée.");
        await host.AuditAsync(lead, "attendance-saved");

        // The venue is not free for the second day: the lead moves it a week later, and the participants are told.
        await lead.GotoAsync($"/trainings/seasons/{season.Id}");
        await lead.GetByRole(AriaRole.Link, new() { Name = "Journée collective" }).Nth(1).ClickAsync();
        await lead.GetByLabel("Date *", new() { Exact = true }).FillAsync("2027-04-08");
        await lead.GetByLabel("Raison, dite aux participants").FillAsync("La Cordonnerie accueille une exposition ce jour-là.");
        await lead.GetByRole(AriaRole.Button, new() { Name = "Enregistrer et prévenir" }).ClickAsync();
        await Expect(lead, "La session est modifiée");
        await Expect(lead, "La Cordonnerie accueille une exposition ce jour-là.");
        await host.AuditAsync(lead, "training-moved");
        foreach (var module in new[] { "applications", "seasons", "trainings", "coaching", "impact" })
        {
            await factory.RunJobAsync($"outbox:{module}");
        }

        await lead.GotoAsync("/funding");
        await host.AuditAsync(lead, "funders");
        await lead.GotoAsync($"/funding/seasons/{season.Id}");
        await host.AuditAsync(lead, "budget");
        await lead.GotoAsync($"/funding/seasons/{season.Id}/report");
        await Expect(lead, "Projets accompagnés");
        await host.AuditAsync(lead, "funder-report");
        var download = await lead.RunAndWaitForDownloadAsync(() => lead.GetByRole(AriaRole.Link, new() { Name = "Exporter en Excel" }).ClickAsync());
        var saved = Path.Combine(host.ScreenshotDirectory, "bilan.xlsx");
        await download.SaveAsAsync(saved);
        Assert.True(new FileInfo(saved).Length > 1000);

        await lead.GotoAsync($"/funding/programs/{season.ProgramId}/track-record");
        await Expect(lead, "1 (100 %)"); // the entry questionnaire, sent and answered
        await host.AuditAsync(lead, "track-record");

        // The applicant now sees their trainings, the moved one said so, and their coaching from their home page.
        await applicant.GotoAsync("/trainings/mine");
        await Expect(applicant, "Journée collective");
        await Expect(applicant, "Modifiée");
        await host.AuditAsync(applicant, "my-trainings");
        await applicant.GotoAsync("/");
        await applicant.Locator("a[href^='/coaching/mine/']").First.ClickAsync();
        await Expect(applicant, "Mes accompagnateurs");
        await Expect(applicant, "Ouvrir l'atelier en mai");
        await host.AuditAsync(applicant, "my-coaching");

        // What a lead reads of the sensitive actions, and what an applicant reads and keeps of their data.
        await factory.RunJobAsync("outbox:funding");
        await lead.GotoAsync("/audit");
        await lead.Locator("td", new() { HasText = "Cohorte approuvée" }).First.WaitForAsync(new() { Timeout = 10_000 });
        await host.AuditAsync(lead, "audit-log");

        // The lead runs the consistency check from its page: the modules agree on the journey's facts.
        await lead.GotoAsync("/consistency");
        await lead.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Lancer la vérification" }).ClickAsync();
        await Expect(lead, "aucun écart");
        await host.AuditAsync(lead, "consistency");
        await applicant.GotoAsync("/privacy");
        await host.AuditAsync(applicant, "privacy");
        await applicant.GotoAsync("/account/data");
        await Expect(applicant, "Supprimer mon compte");
        await host.AuditAsync(applicant, "my-data");

        Assert.True(host.Violations.Count == 0, string.Join("\n", host.Violations));
    }

    private static async Task Expect(IPage page, string text) =>
        await page.GetByText(text, new() { Exact = false }).First.WaitForAsync(new() { Timeout = 10_000 });

    /// <summary>Presses Tab from where the focus is until it reaches the field with that id, or the button with that text.</summary>
    private static async Task TabToAsync(IPage page, string? id, string? buttonText = null)
    {
        for (var i = 0; i < 60; i++)
        {
            var focused = await page.EvaluateAsync<string>("() => (document.activeElement?.id || '') + '|' + (document.activeElement?.innerText || '')");
            var parts = focused.Split('|', 2);
            if ((id is not null && parts[0] == id) || (buttonText is not null && parts[1].Trim() == buttonText))
            {
                return;
            }

            await page.Keyboard.PressAsync("Tab");
        }

        throw new InvalidOperationException($"Tab never reached {id ?? buttonText}");
    }
}

public sealed class PhoneTests(BrowserHost host) : IClassFixture<BrowserHost>
{
    [Fact]
    public async Task Given_a_phone_sized_screen_When_opening_the_menu_with_the_keyboard_Then_the_navigation_shows_and_the_page_passes_axe()
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = host.BaseUrl, Locale = "fr-FR", ViewportSize = new ViewportSize { Width = 390, Height = 844 } });
        var page = await context.NewPageAsync();
        host.Watch(page);
        await page.GotoAsync("/seasons");
        var menuLink = page.GetByRole(AriaRole.Link, new() { Name = "Appels et saisons" });
        Assert.False(await menuLink.IsVisibleAsync());

        await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");
        await page.Locator("#site-menu.show").WaitForAsync(new() { Timeout = 5000 }); // opened, its animation over
        await menuLink.WaitForAsync(new() { State = WaitForSelectorState.Visible, Timeout = 5000 });
        Assert.Equal("true", await page.GetByRole(AriaRole.Button, new() { Name = "Menu" }).GetAttributeAsync("aria-expanded"));
        await host.AuditAsync(page, "phone-menu");
        Assert.True(host.Violations.Count == 0, string.Join("\n", host.Violations));
    }
}

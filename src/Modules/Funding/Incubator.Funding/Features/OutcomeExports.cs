using ClosedXML.Excel;
using Incubator.Impact.Contracts;

namespace Incubator.Funding.Features;

/// <summary>The outcomes in the report's CSV (sections <c>outcomes</c>, <c>skills</c>, <c>survival</c>, <c>pastCohorts</c>) and its workbook (a sheet "Impact").</summary>
internal static class OutcomeExports
{
    public static IEnumerable<ReportCsvLine> Lines(FunderReportDto r)
    {
        if (r.Outcomes is { } o)
        {
            foreach (var line in Lines(o, string.Empty))
            {
                yield return line;
            }
        }

        foreach (var cohort in r.PastCohorts ?? [])
        {
            yield return new("pastCohorts", cohort.SeasonName, "projectsAccompanied", cohort.ProjectsAccompanied);
            foreach (var s in cohort.Outcomes.Survival.Where(s => s.Rate is not null))
            {
                yield return new("pastCohorts", $"{cohort.SeasonName} {s.Stage}", "survivalRate", s.Rate!.Value);
            }
        }
    }

    private static IEnumerable<ReportCsvLine> Lines(OutcomesDto o, string prefix)
    {
        foreach (var s in o.Stages)
        {
            var item = prefix + s.Stage;
            yield return new("outcomes", item, "opened", s.Opened);
            yield return new("outcomes", item, "answered", s.Answered);
            if (s.AnsweredRate is { } rate)
            {
                yield return new("outcomes", item, "answeredRate", rate);
            }

            yield return new("outcomes", item, "activitiesLaunched", s.ActivitiesLaunched);
            yield return new("outcomes", item, "activitiesStopped", s.ActivitiesStopped);
            yield return new("outcomes", item, "jobsFte", s.JobsFte);
            yield return new("outcomes", item, "peopleEmployed", s.PeopleEmployed);
            yield return new("outcomes", item, "permanentContracts", s.PermanentContracts);
            yield return new("outcomes", item, "volunteers", s.Volunteers);
            yield return new("outcomes", item, "peopleReached", s.PeopleReached);
            foreach (var f in s.LegalForms)
            {
                yield return new("outcomes", item, $"legalForm.{f.LegalForm}", f.Projects);
            }
        }

        foreach (var k in o.Skills.Where(k => k.Projects > 0))
        {
            yield return new("skills", k.Skill, "projects", k.Projects);
            yield return new("skills", k.Skill, "atEntry", k.AtEntry!.Value);
            yield return new("skills", k.Skill, "atExit", k.AtExit!.Value);
        }

        foreach (var s in o.Survival)
        {
            yield return new("survival", s.Stage, "answered", s.Answered);
            yield return new("survival", s.Stage, "active", s.Active);
            if (s.Rate is { } rate)
            {
                yield return new("survival", s.Stage, "rate", rate);
            }
        }
    }

    /// <summary>One column per stage, one row per figure; then the skills, then the past cohorts' survival.</summary>
    public static void Sheet(XLWorkbook workbook, FunderReportDto r, bool english)
    {
        if (r.Outcomes is not { } o || (o.Stages.Count == 0 && (r.PastCohorts ?? []).Count == 0))
        {
            return;
        }

        string T(string fr, string en) => english ? en : fr;
        var sheet = workbook.Worksheets.Add("Impact");
        sheet.Cell(1, 1).Value = T("Questionnaire", "Questionnaire");
        var figures = new (string Label, Func<StageOutcomes, object> Value, string? Format)[]
        {
            (T("Envoyés", "Sent"), s => s.Opened, null),
            (T("Répondus", "Answered"), s => s.Answered, null),
            (T("Taux de réponse", "Answer rate"), s => s.AnsweredRate is { } v ? v : string.Empty, "0%"),
            (T("Activités lancées", "Activities launched"), s => s.ActivitiesLaunched, null),
            (T("Activités arrêtées", "Activities stopped"), s => s.ActivitiesStopped, null),
            (T("Emplois (ETP)", "Jobs (FTE)"), s => s.JobsFte, "0.00"),
            (T("Personnes salariées", "People employed"), s => s.PeopleEmployed, null),
            (T("dont CDI", "of which permanent"), s => s.PermanentContracts, null),
            (T("Bénévoles", "Volunteers"), s => s.Volunteers, null),
            (T("Personnes touchées par l'activité", "People reached by the activity"), s => s.PeopleReached, null),
        };
        for (var i = 0; i < figures.Length; i++)
        {
            sheet.Cell(i + 2, 1).Value = figures[i].Label;
        }

        for (var c = 0; c < o.Stages.Count; c++)
        {
            var stage = o.Stages[c];
            sheet.Cell(1, c + 2).Value = Stages.Label(stage.Stage, english);
            sheet.Cell(1, c + 2).Style.Font.Bold = true;
            for (var i = 0; i < figures.Length; i++)
            {
                sheet.Cell(i + 2, c + 2).Value = figures[i].Value(stage);
                if (figures[i].Format is { } format)
                {
                    sheet.Cell(i + 2, c + 2).Style.NumberFormat.Format = format;
                }
            }
        }

        var row = figures.Length + 3;
        sheet.Cell(row, 1).Value = T("Compétences (1 à 5)", "Skills (1 to 5)");
        sheet.Cell(row, 2).Value = T("Projets", "Projects");
        sheet.Cell(row, 3).Value = T("À l'entrée", "At entry");
        sheet.Cell(row, 4).Value = T("À la sortie", "At exit");
        sheet.Row(row).Style.Font.Bold = true;
        foreach (var k in o.Skills)
        {
            row++;
            sheet.Cell(row, 1).Value = Skills.Label(k.Skill, english);
            sheet.Cell(row, 2).Value = k.Projects;
            sheet.Cell(row, 3).Value = k.AtEntry is { } entry ? entry : string.Empty;
            sheet.Cell(row, 4).Value = k.AtExit is { } exit ? exit : string.Empty;
        }

        row += 2;
        sheet.Cell(row, 1).Value = T("Promotions précédentes", "Earlier cohorts");
        sheet.Cell(row, 2).Value = T("Projets", "Projects");
        sheet.Cell(row, 3).Value = T("Pérennité", "Survival");
        sheet.Row(row).Style.Font.Bold = true;
        foreach (var cohort in r.PastCohorts ?? [])
        {
            foreach (var s in cohort.Outcomes.Survival)
            {
                row++;
                sheet.Cell(row, 1).Value = $"{cohort.SeasonName} — {Stages.Label(s.Stage, english)}";
                sheet.Cell(row, 2).Value = cohort.ProjectsAccompanied;
                sheet.Cell(row, 3).Value = s.Rate is { } rate ? rate : string.Empty;
                sheet.Cell(row, 3).Style.NumberFormat.Format = "0%";
            }
        }

        sheet.Column(1).Width = 40;
    }
}

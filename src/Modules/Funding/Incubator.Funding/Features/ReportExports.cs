using System.Globalization;
using ClosedXML.Excel;
using CsvHelper;

namespace Incubator.Funding.Features;

/// <summary>
/// One line of the CSV export, in long form so that a spreadsheet can pivot it: the section (season, department or
/// project), what it is about, the indicator's code and its value. Numbers use a dot, whatever the language.
/// </summary>
[CsvRecord]
public sealed partial record ReportCsvLine(string Section, string Item, string Indicator, decimal Value);

internal static class ReportExports
{
    public const string CsvType = "text/csv";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEnumerable<ReportCsvLine> Lines(FunderReportDto r)
    {
        var season = r.SeasonName;
        yield return new("season", season, "applicationsReceived", r.ApplicationsReceived);
        yield return new("season", season, "applicationsSubmitted", r.ApplicationsSubmitted);
        yield return new("season", season, "projectsAccompanied", r.ProjectsAccompanied);
        yield return new("season", season, "trainingSessionsHeld", r.TrainingSessionsHeld);
        yield return new("season", season, "trainingHoursDelivered", r.TrainingHoursDelivered);
        if (r.AttendanceRate is { } rate)
        {
            yield return new("season", season, "attendanceRate", rate);
        }

        yield return new("season", season, "coachingSessions", r.CoachingSessions);
        yield return new("season", season, "coachingHours", r.CoachingHours);
        yield return new("season", season, "milestonesReached", r.MilestonesReached);
        yield return new("season", season, "departmentsReached", r.DepartmentsReached.Count);
        yield return new("season", season, "fundingCommitted", r.FundingCommitted);
        yield return new("season", season, "fundingReceived", r.FundingReceived);
        yield return new("season", season, "informationMeetingsHeld", r.InformationMeetingsHeld);
        yield return new("season", season, "peopleInformed", r.PeopleInformed);
        yield return new("season", season, "peopleTrained", r.PeopleTrained);
        if (r.Funnel is { } f)
        {
            yield return new("funnel", season, "peopleInformed", f.PeopleInformed);
            yield return new("funnel", season, "applicationsSubmitted", f.ApplicationsSubmitted);
            yield return new("funnel", season, "shortlisted", f.Shortlisted);
            yield return new("funnel", season, "interviewed", f.Interviewed);
            yield return new("funnel", season, "selected", f.Selected);
            yield return new("funnel", season, "projectsAccompanied", f.ProjectsAccompanied);
        }

        foreach (var d in r.ByDepartment)
        {
            yield return new("department", d.DepartmentCode, "applicationsSubmitted", d.ApplicationsSubmitted);
            yield return new("department", d.DepartmentCode, "projectsAccompanied", d.ProjectsAccompanied);
        }

        foreach (var p in r.ByProject)
        {
            yield return new("project", p.ProjectName, "trainingHours", p.TrainingHours);
            if (p.AttendanceRate is { } projectRate)
            {
                yield return new("project", p.ProjectName, "attendanceRate", projectRate);
            }

            yield return new("project", p.ProjectName, "coachingSessions", p.CoachingSessions);
            yield return new("project", p.ProjectName, "coachingHours", p.CoachingHours);
            yield return new("project", p.ProjectName, "milestonesReached", p.MilestonesReached);
        }

        foreach (var line in OutcomeExports.Lines(r))
        {
            yield return line;
        }
    }

    public static byte[] Csv(FunderReportDto report)
    {
        using var stream = new MemoryStream();
        var options = CsvWriterOptions.For<ReportCsvLine>() with
        {
            FormatProvider = CultureInfo.InvariantCulture,
            Injection = CsvInjection.Escape, // a project named "=HYPERLINK(...)" stays text in a spreadsheet
            WriteByteOrderMark = true, // so that Excel reads the accents as UTF-8
        };
        using (var writer = CsvWriter.Create(stream, options, leaveOpen: true))
        {
            writer.WriteRecords(Lines(report));
        }

        return stream.ToArray();
    }

    /// <summary>A workbook a funder can read as it is: the indicators, then one sheet by department and one by project.</summary>
    public static byte[] Xlsx(FunderReportDto r, bool english)
    {
        string T(string fr, string en) => english ? en : fr;
        using var workbook = new XLWorkbook();
        var summary = workbook.Worksheets.Add(T("Bilan", "Report"));
        summary.Cell(1, 1).Value = T($"Bilan de la saison {r.SeasonName}", $"Report of the season {r.SeasonName}");
        summary.Cell(1, 1).Style.Font.Bold = true;
        summary.Cell(2, 1).Value = T("Calculé le", "Computed on");
        summary.Cell(2, 2).Value = r.ComputedAt.UtcDateTime;
        summary.Cell(2, 2).Style.DateFormat.Format = "yyyy-mm-dd hh:mm";
        var rows = new (string Label, object? Value, string? Format)[]
        {
            (T("Candidatures reçues", "Applications received"), r.ApplicationsReceived, null),
            (T("Candidatures déposées", "Applications submitted"), r.ApplicationsSubmitted, null),
            (T("Projets accompagnés", "Projects accompanied"), r.ProjectsAccompanied, null),
            (T("Formations collectives tenues", "Training sessions held"), r.TrainingSessionsHeld, null),
            (T("Heures de formation suivies", "Training hours delivered"), r.TrainingHoursDelivered, "0.00"),
            (T("Taux de présence", "Attendance rate"), r.AttendanceRate, "0.0%"),
            (T("Séances d'accompagnement", "Coaching sessions"), r.CoachingSessions, null),
            (T("Heures d'accompagnement", "Coaching hours"), r.CoachingHours, "0.00"),
            (T("Jalons atteints", "Milestones reached"), r.MilestonesReached, null),
            (T("Départements touchés", "Departments reached"), string.Join(", ", r.DepartmentsReached), null),
            (T("Financements engagés (€)", "Funding committed (€)"), r.FundingCommitted, "#,##0.00"),
            (T("Financements reçus (€)", "Funding received (€)"), r.FundingReceived, "#,##0.00"),
            (T("Réunions d'information tenues", "Information meetings held"), r.InformationMeetingsHeld, null),
            (T("Personnes venues s'informer", "People who came to be informed"), r.PeopleInformed, null),
            (T("Personnes formées (porteurs et équipes)", "People trained (holders and teams)"), r.PeopleTrained, null),
        };
        for (var i = 0; i < rows.Length; i++)
        {
            var (label, value, format) = rows[i];
            summary.Cell(4 + i, 1).Value = label;
            var cell = summary.Cell(4 + i, 2);
            cell.Value = value switch
            {
                null => string.Empty,
                decimal d => d,
                int n => n,
                _ => value.ToString(),
            };
            if (format is not null)
            {
                cell.Style.NumberFormat.Format = format;
            }
        }

        summary.Column(1).Width = 40;
        summary.Column(2).Width = 24;

        if (r.Funnel is { } funnel)
        {
            var steps = workbook.Worksheets.Add(T("Sélection", "Selection"));
            Header(steps, T("Étape", "Stage"), T("Nombre", "Count"));
            var stages = FunnelStages(funnel, english);
            for (var i = 0; i < stages.Count; i++)
            {
                steps.Cell(i + 2, 1).Value = stages[i].Label;
                steps.Cell(i + 2, 2).Value = stages[i].Count;
            }
        }

        var departments = workbook.Worksheets.Add(T("Départements", "Departments"));
        Header(departments, T("Département", "Department"), T("Candidatures déposées", "Applications submitted"), T("Projets accompagnés", "Projects accompanied"));
        for (var i = 0; i < r.ByDepartment.Count; i++)
        {
            var d = r.ByDepartment[i];
            departments.Cell(i + 2, 1).Value = d.DepartmentCode;
            departments.Cell(i + 2, 2).Value = d.ApplicationsSubmitted;
            departments.Cell(i + 2, 3).Value = d.ProjectsAccompanied;
        }

        var projects = workbook.Worksheets.Add(T("Projets", "Projects"));
        Header(projects, T("Projet", "Project"), T("Département", "Department"), T("Heures de formation", "Training hours"), T("Taux de présence", "Attendance rate"),
            T("Séances d'accompagnement", "Coaching sessions"), T("Heures d'accompagnement", "Coaching hours"), T("Jalons atteints", "Milestones reached"));
        for (var i = 0; i < r.ByProject.Count; i++)
        {
            var p = r.ByProject[i];
            var row = i + 2;
            projects.Cell(row, 1).Value = p.ProjectName;
            projects.Cell(row, 2).Value = p.DepartmentCode;
            projects.Cell(row, 3).Value = p.TrainingHours;
            if (p.AttendanceRate is { } rate)
            {
                projects.Cell(row, 4).Value = rate;
                projects.Cell(row, 4).Style.NumberFormat.Format = "0.0%";
            }

            projects.Cell(row, 5).Value = p.CoachingSessions;
            projects.Cell(row, 6).Value = p.CoachingHours;
            projects.Cell(row, 7).Value = p.MilestonesReached;
        }

        OutcomeExports.Sheet(workbook, r, english);
        using var stream = new MemoryStream();
        workbook.SaveAs(stream);
        return stream.ToArray();
    }

    /// <summary>The funnel's stages in order, labelled in the reader's language (the page and the workbook share them).</summary>
    public static IReadOnlyList<(string Label, int Count)> FunnelStages(SelectionFunnel f, bool english)
    {
        string T(string fr, string en) => english ? en : fr;
        return
        [
            (T("Venues à une réunion d'information", "Came to an information meeting"), f.PeopleInformed),
            (T("Candidatures déposées", "Applications submitted"), f.ApplicationsSubmitted),
            (T("Présélectionnées", "Shortlisted"), f.Shortlisted),
            (T("Reçues en entretien par le jury", "Interviewed by the jury"), f.Interviewed),
            (T("Retenues", "Selected"), f.Selected),
            (T("Projets accompagnés", "Projects accompanied"), f.ProjectsAccompanied),
        ];
    }

    private static void Header(IXLWorksheet sheet, params string[] titles)
    {
        for (var i = 0; i < titles.Length; i++)
        {
            sheet.Cell(1, i + 1).Value = titles[i];
            sheet.Cell(1, i + 1).Style.Font.Bold = true;
            sheet.Column(i + 1).Width = i == 0 ? 36 : 18;
        }

        sheet.SheetView.FreezeRows(1);
    }
}

using Incubator.Coaching.Domain;

namespace Incubator.Coaching.Features;

/// <summary>Domain objects into the shapes the API answers, and the text typed in, cleaned.</summary>
internal static class CoachingMapping
{
    public static ProjectDto ToDto(CoachedProject p, CoachingPair? pair) => new(
        p.ProjectId, p.ProjectName, p.DepartmentCode, p.SeasonId, p.PairId, p.LeadCoachUserId,
        pair is null ? [] : [pair.CoachAUserId, pair.CoachBUserId], p.Health.ToString(), p.HealthReason,
        p.Milestones.Select(m => new MilestoneDto(m.Key, m.Status.ToString(), m.ReachedOn)).ToList(),
        p.Sessions.OrderByDescending(s => s.Date).Select(ToDto).ToList(),
        p.LastSessionOn, p.NextMeetingOn);

    public static SessionDto ToDto(CoachingSession s) => new(
        s.Id, s.Date, s.DurationMinutes, s.Format.ToString(), s.CoachesPresent, s.PrivateNotes, s.Decisions, s.NextSteps, s.NextMeetingOn);

    public static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Replace("\0", string.Empty, StringComparison.Ordinal).Trim();
}

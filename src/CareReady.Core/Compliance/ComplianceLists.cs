namespace CareReady.Core.Compliance;

/// <summary>One line of an action list: a person, a requirement, its state and the date that matters.</summary>
public sealed record ActionItem(
    int StaffMemberId, string Name, string EmployeeNumber, string DepartmentName, string JobRole,
    string CompetencyCode, string SubjectName, string CompetencyName, string State, string Label, DateOnly DueBy, int DaysLeft);

/// <summary>Lists derived from a snapshot: who is overdue now, and who falls due within a horizon.</summary>
public static class ComplianceLists
{
    /// <summary>Requirements not met on the snapshot day (expired, or not started past the grace period).</summary>
    public static IReadOnlyList<ActionItem> Overdue(ComplianceSnapshot snapshot) =>
        Items(snapshot, s => s.State is ComplianceState.Expired or ComplianceState.NotStartedOverdue);

    /// <summary>
    /// Requirements met (or still in grace) today that expire or fall due within <paramref name="days"/> days —
    /// the 30/60/90-day planning lists.
    /// </summary>
    public static IReadOnlyList<ActionItem> DueWithin(ComplianceSnapshot snapshot, int days) =>
        Items(snapshot, s => s.State is ComplianceState.Certified or ComplianceState.RenewalDue or ComplianceState.NotStartedInGrace
            && s.ExemptUntil is null
            && s.DueBy.DayNumber - snapshot.AsOf.DayNumber <= days
            && (s.State == ComplianceState.NotStartedInGrace || s.ExpiresOn is not null));

    private static List<ActionItem> Items(ComplianceSnapshot snapshot, Func<RequirementStatus, bool> include) =>
        snapshot.People
            .SelectMany(p => p.Statuses.Where(include).Select(s => new ActionItem(
                p.StaffMemberId, p.Name, p.EmployeeNumber, p.DepartmentName, p.JobRole,
                s.Requirement.Competency.Code, s.Requirement.Competency.Subject?.Name ?? "", s.Requirement.Competency.Name,
                s.State.ToString(), s.Label, s.DueBy, s.DueBy.DayNumber - snapshot.AsOf.DayNumber)))
            .OrderBy(i => i.DueBy).ThenBy(i => i.Name, StringComparer.Ordinal)
            .ToList();
}

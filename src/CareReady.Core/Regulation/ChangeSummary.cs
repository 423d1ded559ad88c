namespace CareReady.Core.Regulation;

/// <summary>A change as lists and pages show it.</summary>
public sealed record ChangeSummary(
    int Id, string Title, int SourceId, string Source, string FromVersion, string ToVersion, string? Summary,
    ChangeSeverity Severity, DateOnly? EffectiveFrom, ChangeOrigin Origin, string? Link, ChangeStatus Status,
    ChangeAction? Action, DateOnly? Deadline, string ProposedBy, DateTime ProposedAt, string? AppliedBy, DateTime? AppliedAt,
    int AffectedCount, string? AffectedDigest)
{
    internal static IQueryable<ChangeSummary> Project(IQueryable<RegulatoryChange> changes) => changes.Select(c => new ChangeSummary(
        c.Id, c.Title, c.GuidelineSourceId, c.Source!.Name, c.FromVersion!.Label, c.ToVersion!.Label, c.ToVersion.Summary,
        c.ToVersion.Severity, c.ToVersion.EffectiveFrom, c.Origin, c.Link, c.Status, c.Action, c.Deadline, c.ProposedBy, c.ProposedAt,
        c.AppliedBy, c.AppliedAt, c.AffectedCount, c.AffectedDigest));
}

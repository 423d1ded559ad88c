using CareReady.Core.Learning;

namespace CareReady.Core.Pathways.Plan;

/// <summary>The order of a plan: what is overdue or puts patients at risk, then what expires soonest, then gaps, then development.</summary>
public enum PlanTier
{
    /// <summary>Overdue, refresher questions due, or a gap in a safety-critical subject.</summary>
    Urgent = 1,

    /// <summary>Renewal window open, or due inside a new starter's grace period or by a guideline change.</summary>
    ExpiringSoon = 2,

    /// <summary>Required for the role and up to date, but the person's answers show a gap.</summary>
    Gap = 3,

    /// <summary>The next steps of an assigned or chosen pathway.</summary>
    Development = 4,
}

public enum PlanItemKind
{
    Requirement,
    Refreshers,
    MasteryGap,
    PathwayStep,
}

/// <summary>
/// One thing to do, with the plain-language reason it is here and the module that does it (if any).
/// <see cref="TestOut"/>: the person's answers show strong mastery, so they may take the assessment first and skip the lessons.
/// </summary>
public sealed record PlanItem(
    int Rank, PlanTier Tier, PlanItemKind Kind, string Title, string Reason, DateOnly? By, bool PatientSafety,
    ModuleSummary? Module, bool TestOut, int? RolePathwayId);

/// <summary>A person's ranked plan, and where their refresher cards stand.</summary>
public sealed record PersonPlan(
    int StaffMemberId, string Name, DateOnly Today, IReadOnlyList<PlanItem> Items, int RefreshersDue, int RefresherCards, DateOnly? NextRefresherDue);

namespace CareReady.Core.Analytics;

/// <summary>A unit (department) a dashboard reports on.</summary>
public sealed record DashboardUnit(int Id, string Code, string Name, string Path);

/// <summary>A training subject shown on a dashboard, with the organisation's target and its patient-safety weight.</summary>
public sealed record DashboardSubject(int Id, string Code, string Name, decimal TargetPercent, int SafetyWeight);

/// <summary>Compliance with one subject at one point: people who need it and people compliant.</summary>
public sealed record ComplianceFigure(int Required, int Compliant)
{
    /// <summary>0–100, one decimal; null when nobody needs the subject.</summary>
    public double? Percent => Required == 0 ? null : Math.Round(100.0 * Compliant / Required, 1);
}

/// <summary>Compliance per subject at the end of one month (today for the current month).</summary>
public sealed record TrendMonth(DateOnly Day, string Label, IReadOnlyDictionary<int, ComplianceFigure> BySubject);

/// <summary>One unit's row of the heatmap: compliance per subject today.</summary>
public sealed record HeatmapRow(DashboardUnit Unit, IReadOnlyDictionary<int, ComplianceFigure> BySubject);

/// <summary>
/// Risk exposure of a unit today: among people who work in the unit (or below it) in a patient-facing or
/// registered role, every subject in which they are not compliant counts its patient-safety weight.
/// </summary>
public sealed record RiskRow(DashboardUnit Unit, int PeopleInScope, int PeopleWithGaps, int WeightedGaps)
{
    /// <summary>Weighted gaps per 10 people in patient-facing or registered roles (comparable across unit sizes).</summary>
    public double? PerTenPeople => PeopleInScope == 0 ? null : Math.Round(10.0 * WeightedGaps / PeopleInScope, 1);
}

/// <summary>
/// AI readiness of a unit: the share of its staff holding an AI &amp; digital capability at level 1 or more,
/// and at level 2 or more; the index is their mean (0–100). Simulation reliance is the
/// unit's <see cref="SimulationReliance"/> score (null: nobody in the unit has completed an AI decision yet).
/// </summary>
public sealed record AiReadinessRow(DashboardUnit Unit, int Staff, int AtLevel1, int AtLevel2, double? SimulationReliance)
{
    public double? Index => Staff == 0 ? null : Math.Round(50.0 * (AtLevel1 + AtLevel2) / Staff, 1);
}

/// <summary>Engagement of a unit over the last <see cref="LeadershipDashboard.EngagementDays"/> days.</summary>
/// <param name="ActiveLearners">Staff with a completion or module activity in the period.</param>
/// <param name="MinutesLearned">Estimated minutes of the module versions passed in the period.</param>
/// <param name="ModulesStarted">Module versions opened for the first time in the period.</param>
/// <param name="ModulesCompleted">Of those, passed by the same person.</param>
public sealed record EngagementRow(DashboardUnit Unit, int Staff, int ActiveLearners, int Completions, int MinutesLearned, int ModulesStarted, int ModulesCompleted)
{
    public double? ActivePercent => Staff == 0 ? null : Math.Round(100.0 * ActiveLearners / Staff, 1);

    public double? CompletionRate => ModulesStarted == 0 ? null : Math.Round(100.0 * ModulesCompleted / ModulesStarted, 1);
}

/// <summary>
/// Simulation performance of a unit: its people who completed clinical simulations, their runs, and over every AI
/// decision they made — final accuracy when the AI was right and when it was wrong, and how often they followed a
/// wrong AI (over-reliance) or overrode a right one (under-reliance). Shares 0–1; null when nothing to measure.
/// </summary>
public sealed record SimulationRow(DashboardUnit Unit, int Players, int Runs, int AiDecisions, double? AccuracyWhenAiRight, double? AccuracyWhenAiWrong,
    double? OverRelianceRate, double? UnderRelianceRate);

/// <summary>Everything the leadership dashboard shows for one focus (the organisation, a unit, or a manager's units).</summary>
public sealed record Dashboard(
    string FocusName,
    DateOnly Today,
    IReadOnlyList<DashboardSubject> Subjects,
    IReadOnlyList<TrendMonth> Trend,
    IReadOnlyList<HeatmapRow> Heatmap,
    IReadOnlyList<RiskRow> Risk,
    IReadOnlyList<AiReadinessRow> AiReadiness,
    IReadOnlyList<EngagementRow> Engagement,
    IReadOnlyList<SimulationRow> Simulation);

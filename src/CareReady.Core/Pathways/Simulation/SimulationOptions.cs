namespace CareReady.Core.Pathways.Simulation;

/// <summary>The simulation's fixed settings (see docs/decisions/0010 for why these values).</summary>
public sealed record SimulationOptions
{
    /// <summary>Simulated days after the initial training (two years).</summary>
    public int Days { get; init; } = 730;

    /// <summary>Minutes one question of the annual module costs, its lesson included (a 16-question CSTF module takes about 30 minutes).</summary>
    public double AnnualMinutesPerItem { get; init; } = 2.0;

    /// <summary>Minutes one refresher question costs (read, answer, read the feedback).</summary>
    public double RefresherMinutesPerReview { get; init; } = 0.5;

    /// <summary>Longest refresher session in a day (the issue: sessions of at most 5 minutes).</summary>
    public double SessionMinutes { get; init; } = 5.0;

    /// <summary>Random inspection days drawn per learner (uniform over the simulated days).</summary>
    public int InspectionDays { get; init; } = 6;

    /// <summary>
    /// Study minutes per person per year the capped policies may spend, enforced over the whole run
    /// (budget × years; the annual refresher, too, spends its minutes at one point). Null: no cap.
    /// </summary>
    public double? BudgetMinutesPerYear { get; init; }
}

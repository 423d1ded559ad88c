namespace CareReady.Core.Analytics;

/// <summary>How often a measure is reported: each value covers a calendar month or a calendar quarter.</summary>
public enum MeasurePeriod
{
    Month,
    Quarter,
}

/// <summary>
/// One of the organisation's own performance measures ("Inpatient falls per 1,000 bed days"): what it is,
/// in which unit it is counted, which direction is good, and how often values arrive.
/// </summary>
public sealed class PerformanceMeasure
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }

    /// <summary>Short stable code, unique in the organisation ("HAI", "FALLS").</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>How it is counted, in words (numerator, denominator, source).</summary>
    public string Definition { get; set; } = "";

    /// <summary>The unit values are in ("per 1,000 bed days", "%", "days").</summary>
    public string Unit { get; set; } = "";

    public bool HigherIsBetter { get; set; }
    public MeasurePeriod Period { get; set; }

    public List<MeasureValue> Values { get; set; } = [];
}

/// <summary>A measure's value for one department (ward, department or division) in one period.</summary>
public sealed class MeasureValue
{
    public long Id { get; set; }
    public int OrganisationId { get; set; }
    public int MeasureId { get; set; }
    public int DepartmentId { get; set; }

    /// <summary>First day of the month or quarter the value covers.</summary>
    public DateOnly PeriodStart { get; set; }

    public double Value { get; set; }
}

/// <summary>
/// A training push: a unit that received a concentrated training effort in a subject starting on a day
/// (a campaign, a practice-development week). The impact view compares these units with the others.
/// </summary>
public sealed class TrainingPush
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int SubjectId { get; set; }
    public int DepartmentId { get; set; }
    public DateOnly StartsOn { get; set; }
    public string Note { get; set; } = "";
}

/// <summary>A leader's goal: a subject's compliance (in a unit, or the whole organisation) at or above a target by a day.</summary>
/// <summary>What a goal counts.</summary>
public enum GoalKind
{
    /// <summary>The share of people compliant in a training subject.</summary>
    SubjectCompliance = 0,

    /// <summary>The share of a group of staff holding an AI &amp; digital capability at a level or above.</summary>
    AiCapability = 1,
}

public sealed class StrategicGoal
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public required string Name { get; set; }
    public GoalKind Kind { get; set; }

    /// <summary>The subject of a <see cref="GoalKind.SubjectCompliance"/> goal.</summary>
    public int? SubjectId { get; set; }

    /// <summary>Null for the whole organisation.</summary>
    public int? DepartmentId { get; set; }

    /// <summary>An <see cref="GoalKind.AiCapability"/> goal: the AI &amp; digital capability level (1–4) held in any domain.</summary>
    public int? AiLevel { get; set; }

    /// <summary>An <see cref="GoalKind.AiCapability"/> goal: only people with a current position in this staff group (null: everyone).</summary>
    public string? StaffGroupCode { get; set; }

    /// <summary>An <see cref="GoalKind.AiCapability"/> goal: only people with a current position at this Agenda for Change band or above (null: any).</summary>
    public int? MinBand { get; set; }

    public decimal TargetPercent { get; set; }
    public DateOnly DueOn { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTime CreatedAt { get; set; }
}

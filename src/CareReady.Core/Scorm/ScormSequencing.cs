using System.Text.Json;
using System.Text.Json.Serialization;

namespace CareReady.Core.Scorm;

/// <summary>
/// How a SCORM 2004 parent activity (the organisation or a cluster item) lets the learner move among its children
/// (IMS SS controlMode; the defaults are the specification's).
/// </summary>
/// <param name="Choice">The learner may pick a child from the list of parts.</param>
/// <param name="Flow">The learner (or the SCO, with adl.nav.request) may go on to the next and back to the previous child.</param>
/// <param name="ForwardOnly">Never back: no previous, and no choosing a child before the current one.</param>
public sealed record ScormControlMode(bool Choice = true, bool Flow = false, bool ForwardOnly = false)
{
    public static readonly ScormControlMode Default = new();
}

/// <summary>The IMS SS rule conditions CareReady evaluates (the others — time limits, attempt limits — are read as unknown, so their rules never fire).</summary>
public enum ScormRuleCondition
{
    Satisfied,
    ObjectiveStatusKnown,
    ObjectiveMeasureKnown,
    ObjectiveMeasureGreaterThan,
    ObjectiveMeasureLessThan,
    Completed,
    ActivityProgressKnown,
    Attempted,
    Always,
    Unsupported,
}

/// <summary>What a precondition rule does to its activity when its conditions hold.</summary>
public enum ScormRuleAction
{
    /// <summary>Flow passes over the part (it can still be chosen); it is not needed for the package to count.</summary>
    Skip,

    /// <summary>The part cannot be opened at all.</summary>
    Disabled,

    /// <summary>The part cannot be chosen from the list; flow still reaches it.</summary>
    HiddenFromChoice,
}

/// <summary>One ruleCondition: the condition, negated (operator="not") or not, about an objective of the activity (null: its primary objective).</summary>
public sealed record ScormCondition(ScormRuleCondition Condition, bool Not = false, string? Objective = null, decimal? Threshold = null);

/// <summary>A preConditionRule: its conditions combined with all (default) or any, and the action taken when they hold.</summary>
public sealed record ScormPrecondition(IReadOnlyList<ScormCondition> Conditions, ScormRuleAction Action, bool Any = false);

/// <summary>
/// An objective of an activity (its primary objective or another) and its maps to global objectives, by which one
/// part's result can gate another (IMS SS mapInfo; reading is on by default, writing off).
/// </summary>
public sealed record ScormObjective(string Id, bool Primary, string? ReadSatisfiedFrom = null, string? WriteSatisfiedTo = null, string? ReadMeasureFrom = null, string? WriteMeasureTo = null)
{
    /// <summary>When set (satisfiedByMeasure), the objective is satisfied when its measure is at least this, whatever the SCO said.</summary>
    public decimal? SatisfiedByMeasure { get; init; }
}

/// <summary>
/// What the manifest's IMS Simple Sequencing says of one part: how its parent lets the learner move (control mode), its
/// precondition rules, and its objectives. Stored with the part (<see cref="ScormSco.SequencingJson"/>); null for a part
/// whose package says nothing about sequencing (SCORM 1.2, or 2004 without imsss elements), which plays as before: any
/// order, with Next part.
/// </summary>
/// <param name="Contributes">Counts toward the package's completion (false when its rollupRules say rollupObjectiveSatisfied and
/// rollupProgressCompletion are both false, or deliveryControls tracked="false" — a pre-test, say).</param>
public sealed record ScormSequencing(ScormControlMode Parent, IReadOnlyList<ScormPrecondition> Preconditions, IReadOnlyList<ScormObjective> Objectives, bool Contributes = true)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>True when it changes nothing (default control mode, no rules, no maps): no need to store it.</summary>
    public bool IsDefault => Parent == ScormControlMode.Default && Preconditions.Count == 0 && Contributes && Objectives.All(o =>
        o.ReadSatisfiedFrom is null && o.WriteSatisfiedTo is null && o.ReadMeasureFrom is null && o.WriteMeasureTo is null && o.SatisfiedByMeasure is null);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static ScormSequencing? FromJson(string? json) => string.IsNullOrEmpty(json) ? null : JsonSerializer.Deserialize<ScormSequencing>(json, Json);
}

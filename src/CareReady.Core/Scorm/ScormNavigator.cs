using System.Text.Json;

namespace CareReady.Core.Scorm;

/// <summary>Why a part cannot be opened the way the learner asked, in words for the learner.</summary>
public enum ScormRefusal
{
    /// <summary>A precondition rule disables it for now.</summary>
    Disabled,

    /// <summary>Its parent does not let the learner choose (controlMode choice="false"), or a rule hides it from choice: reached by Next part only.</summary>
    NotChoosable,

    /// <summary>Its parent goes forward only and it comes before the current part.</summary>
    Backward,

    /// <summary>Next or Previous asked where the package does not allow it, or the part it leads to is locked.</summary>
    NoFlow,

    /// <summary>Next asked from the last part: the package is at its end.</summary>
    End,
}

/// <summary>Where a part stands for navigation: skipped by flow, disabled, hidden from choice (each from its precondition rules).</summary>
public sealed record ScormPartAccess(bool Skipped, bool Disabled, bool HiddenFromChoice);

/// <summary>
/// A subset of SCORM 2004 Sequencing and Navigation over the package's parts (ADR 0023), evaluated afresh from the attempt's
/// tracking data at every launch and page: precondition rules (three-valued, as IMS SS evaluates them: a condition about
/// a status not yet known is unknown, "not unknown" is unknown, and a rule acts only when its conditions are true), global
/// objectives written and read through mapInfo, and the parent's control mode (choice, flow, forward only). A package
/// without sequencing behaves as before: every part may be chosen, and Next part goes to the next part not done.
/// </summary>
public sealed class ScormNavigator
{
    private readonly IReadOnlyList<ScormSco> _scos;
    private readonly ScormSequencing?[] _sequencing;
    private readonly ScormScoProgress?[] _rows;
    private readonly Dictionary<string, string>?[] _cmi;
    private readonly Dictionary<string, bool> _globalSatisfied = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _globalMeasure = new(StringComparer.Ordinal);
    private readonly ScormPartAccess[] _access;

    /// <param name="current">The part the learner is on (last opened), if any.</param>
    public ScormNavigator(IReadOnlyList<ScormSco> scos, IReadOnlyCollection<ScormScoProgress> progress, int? current)
    {
        ArgumentNullException.ThrowIfNull(scos);
        ArgumentNullException.ThrowIfNull(progress);
        _scos = scos;
        Current = current;
        _sequencing = [.. scos.Select(s => ScormSequencing.FromJson(s.SequencingJson))];
        _rows = [.. scos.Select(s => progress.FirstOrDefault(p => p.Position == s.Position))];
        _cmi = new Dictionary<string, string>?[scos.Count];
        IsSequenced = _sequencing.Any(s => s is not null);
        WriteGlobals();
        _access = [.. Enumerable.Range(0, scos.Count).Select(Evaluate)];
    }

    /// <summary>Some part of the package has sequencing to apply.</summary>
    public bool IsSequenced { get; }

    public int? Current { get; }

    public ScormPartAccess Access(int position) => _access[position - 1];

    /// <summary>Null when the learner may open the part by picking it from the list; otherwise why not.</summary>
    public ScormRefusal? WhyNotChoose(int position)
    {
        var access = Access(position);
        if (access.Disabled)
        {
            return ScormRefusal.Disabled;
        }

        var parent = Parent(position);
        if (access.HiddenFromChoice || !parent.Choice && parent.Flow)
        {
            return ScormRefusal.NotChoosable;
        }

        return parent.ForwardOnly && Current is int current && position < current ? ScormRefusal.Backward : null;
    }

    /// <summary>
    /// The part Next leads to from <paramref name="from"/>: with flow, the next part flow does not skip (null when that
    /// one is disabled — unless <paramref name="evenIfLocked"/> — or there is none); without sequencing, the next part not
    /// done that may be chosen.
    /// </summary>
    public int? Continue(int from, bool evenIfLocked = false)
    {
        if (!IsSequenced || !Parent(from).Flow)
        {
            return Enumerable.Range(from + 1, Math.Max(0, _scos.Count - from))
                .FirstOrDefault(p => _rows[p - 1]?.CountedAt is null && WhyNotChoose(p) is null) is var next and > 0 ? next : null;
        }

        for (var p = from + 1; p <= _scos.Count; p++)
        {
            if (!Access(p).Skipped)
            {
                return Access(p).Disabled && !evenIfLocked ? null : p;
            }
        }

        return null;
    }

    /// <summary>The part Previous leads to from <paramref name="from"/> (flow and not forward only; null otherwise).</summary>
    public int? Previous(int from)
    {
        if (!IsSequenced || !Parent(from).Flow || Parent(from).ForwardOnly)
        {
            return null;
        }

        for (var p = from - 1; p >= 1; p--)
        {
            if (!Access(p).Skipped)
            {
                return Access(p).Disabled ? null : p;
            }
        }

        return null;
    }

    /// <summary>
    /// Where a plain launch opens: the part the learner is on while it is not done; else the first part not done that flow
    /// does not skip and is not disabled; else the first part that may be opened.
    /// </summary>
    public int Start()
    {
        if (Current is int current && current <= _scos.Count && _rows[current - 1]?.CountedAt is null && !Access(current).Disabled)
        {
            return current;
        }

        for (var p = 1; p <= _scos.Count; p++)
        {
            if (!_scos[p - 1].IsAsset && _rows[p - 1]?.CountedAt is null && !Access(p).Skipped && !Access(p).Disabled)
            {
                return p;
            }
        }

        return Enumerable.Range(1, _scos.Count).FirstOrDefault(p => !Access(p).Disabled) is var open and > 0 ? open : 1;
    }

    /// <summary>Whether the part must be done for the package to count: not while a rule skips it, nor when it does not count toward completion.</summary>
    public bool Needed(int position) => !Access(position).Skipped && (_sequencing[position - 1]?.Contributes ?? true);

    private ScormControlMode Parent(int position) => _sequencing[position - 1]?.Parent ?? ScormControlMode.Default;

    private ScormPartAccess Evaluate(int index)
    {
        if (_sequencing[index] is not { } sequencing)
        {
            return new ScormPartAccess(false, false, false);
        }

        bool Fires(ScormRuleAction action) => sequencing.Preconditions.Any(r => r.Action == action && Holds(index, sequencing, r) == true);
        return new ScormPartAccess(Fires(ScormRuleAction.Skip), Fires(ScormRuleAction.Disabled), Fires(ScormRuleAction.HiddenFromChoice));
    }

    private bool? Holds(int index, ScormSequencing sequencing, ScormPrecondition rule)
    {
        var values = rule.Conditions.Select(c => Condition(index, sequencing, c)).ToList();
        if (rule.Any)
        {
            return values.Contains(true) ? true : values.Contains(null) ? null : false;
        }

        return values.Contains(false) ? false : values.Contains(null) ? null : true;
    }

    private bool? Condition(int index, ScormSequencing sequencing, ScormCondition condition)
    {
        var objective = condition.Objective is null
            ? sequencing.Objectives.FirstOrDefault(o => o.Primary)
            : sequencing.Objectives.FirstOrDefault(o => o.Id == condition.Objective);
        var row = _rows[index];
        bool? value = condition.Condition switch
        {
            ScormRuleCondition.Always => true,
            ScormRuleCondition.Attempted => row is not null || Current == index + 1,
            ScormRuleCondition.Completed => Completion(row) is { } c ? c : null,
            ScormRuleCondition.ActivityProgressKnown => Completion(row) is not null,
            ScormRuleCondition.Satisfied => Satisfied(index, objective, read: true),
            ScormRuleCondition.ObjectiveStatusKnown => Satisfied(index, objective, read: true) is not null,
            ScormRuleCondition.ObjectiveMeasureKnown => Measure(index, objective, read: true) is not null,
            ScormRuleCondition.ObjectiveMeasureGreaterThan => Measure(index, objective, read: true) is { } m ? m > condition.Threshold : null,
            ScormRuleCondition.ObjectiveMeasureLessThan => Measure(index, objective, read: true) is { } m ? m < condition.Threshold : null,
            _ => null,
        };
        return condition.Not && value is { } known ? !known : value;
    }

    /// <summary>Completed (true), started but not (false), or unknown; an asset is completed once opened.</summary>
    private static bool? Completion(ScormScoProgress? row) => row?.CompletionStatus switch
    {
        "completed" or "passed" => true,
        "incomplete" or "failed" or "browsed" => false,
        _ => null,
    };

    private bool? Satisfied(int index, ScormObjective? objective, bool read)
    {
        if (read && objective?.ReadSatisfiedFrom is { } global && _globalSatisfied.TryGetValue(global, out var shared))
        {
            return shared;
        }

        if (objective?.SatisfiedByMeasure is { } min && Measure(index, objective, read) is { } measure)
        {
            return measure >= min;
        }

        var status = objective is null || objective.Primary ? _rows[index]?.SuccessStatus : Objective(index, objective.Id, "success_status");
        return status switch
        {
            "passed" => true,
            "failed" => false,
            _ => null,
        };
    }

    private decimal? Measure(int index, ScormObjective? objective, bool read)
    {
        if (read && objective?.ReadMeasureFrom is { } global && _globalMeasure.TryGetValue(global, out var shared))
        {
            return shared;
        }

        return objective is null || objective.Primary
            ? _rows[index]?.ScoreScaled
            : decimal.TryParse(Objective(index, objective.Id, "score.scaled"), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var m) ? m : null;
    }

    /// <summary>A value of the SCO's cmi.objectives entry with this id ("success_status", "score.scaled"), if it reported one.</summary>
    private string? Objective(int index, string id, string field)
    {
        if (_rows[index] is not { } row)
        {
            return null;
        }

        var cmi = _cmi[index] ??= JsonSerializer.Deserialize<Dictionary<string, string>>(row.CmiJson) ?? [];
        for (var n = 0; cmi.TryGetValue($"cmi.objectives.{n}.id", out var found); n++)
        {
            if (found == id)
            {
                return cmi.GetValueOrDefault($"cmi.objectives.{n}.{field}");
            }
        }

        return null;
    }

    /// <summary>Global objectives from the parts that write them (local status only; a later part in manifest order wins).</summary>
    private void WriteGlobals()
    {
        for (var i = 0; i < _scos.Count; i++)
        {
            foreach (var objective in _sequencing[i]?.Objectives ?? [])
            {
                if (objective.WriteSatisfiedTo is { } target && Satisfied(i, objective, read: false) is { } satisfied)
                {
                    _globalSatisfied[target] = satisfied;
                }

                if (objective.WriteMeasureTo is { } measureTarget && Measure(i, objective, read: false) is { } measure)
                {
                    _globalMeasure[measureTarget] = measure;
                }
            }
        }
    }
}

using System.Globalization;
using System.Xml.Linq;

namespace CareReady.Core.Scorm;

/// <summary>
/// Reads the IMS Simple Sequencing of a SCORM 2004 manifest that CareReady applies (ADR 0023): a parent's
/// <c>controlMode</c>; a part's <c>preConditionRule</c>s (skip, disabled, hiddenFromChoice) and its
/// <c>objectives</c> with their <c>mapInfo</c> to global objectives; whether it counts toward the package's completion
/// (<c>rollupRules</c> rollupObjectiveSatisfied/rollupProgressCompletion, <c>deliveryControls</c> tracked). A <c>sequencing IDRef</c> takes what the
/// manifest's <c>sequencingCollection</c> says and the item's own elements override it. Other sequencing
/// (post-condition and exit rules, the rules inside rollupRules, limit conditions, randomisation, delivery controls) is not
/// applied. A value the schema does not allow is a problem naming the element; a known but unapplied condition
/// (attempt or time limits) is kept as unsupported and never fires.
/// </summary>
public sealed class ScormSequencingReader
{
    private static readonly Dictionary<string, ScormRuleCondition> Conditions = new(StringComparer.Ordinal)
    {
        ["satisfied"] = ScormRuleCondition.Satisfied,
        ["objectiveStatusKnown"] = ScormRuleCondition.ObjectiveStatusKnown,
        ["objectiveMeasureKnown"] = ScormRuleCondition.ObjectiveMeasureKnown,
        ["objectiveMeasureGreaterThan"] = ScormRuleCondition.ObjectiveMeasureGreaterThan,
        ["objectiveMeasureLessThan"] = ScormRuleCondition.ObjectiveMeasureLessThan,
        ["completed"] = ScormRuleCondition.Completed,
        ["activityProgressKnown"] = ScormRuleCondition.ActivityProgressKnown,
        ["attempted"] = ScormRuleCondition.Attempted,
        ["always"] = ScormRuleCondition.Always,
        ["attemptLimitExceeded"] = ScormRuleCondition.Unsupported,
        ["timeLimitExceeded"] = ScormRuleCondition.Unsupported,
        ["outsideAvailableTimeRange"] = ScormRuleCondition.Unsupported,
    };

    private readonly Dictionary<string, XElement> _collection = new(StringComparer.Ordinal);
    private readonly Action<XElement, string> _problem;
    private readonly HashSet<XElement> _reported = [];

    /// <param name="manifest">The manifest root (for its sequencingCollection).</param>
    /// <param name="problem">Records a problem at an element.</param>
    public ScormSequencingReader(XElement manifest, Action<XElement, string> problem)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        _problem = problem;
        if (Child(manifest, "sequencingCollection") is { } collection)
        {
            foreach (var sequencing in Children(collection, "sequencing"))
            {
                if (sequencing.Attribute("ID")?.Value is { Length: > 0 } id && !_collection.TryAdd(id, sequencing))
                {
                    problem(sequencing, $"<sequencing ID=\"{id}\"> appears more than once in <sequencingCollection>; IDs must be unique");
                }
            }
        }
    }

    /// <summary>How the organisation or a cluster item lets the learner move among its children.</summary>
    public ScormControlMode ControlMode(XElement parent)
    {
        if (Find(parent, "controlMode") is not { } mode)
        {
            return ScormControlMode.Default;
        }

        return new ScormControlMode(Bool(mode, "choice", true), Bool(mode, "flow", false), Bool(mode, "forwardOnly", false));
    }

    /// <summary>A part's sequencing, under a parent whose control mode is <paramref name="parent"/>; null when there is none to apply.</summary>
    public ScormSequencing? Read(XElement item, ScormControlMode parent)
    {
        ArgumentNullException.ThrowIfNull(item);
        _ = ControlMode(item); // a part's own control mode governs no children, but a bad value in it is still a problem
        var objectives = Objectives(item);
        var rules = Preconditions(item, objectives);
        var rollup = Find(item, "rollupRules");
        var delivery = Find(item, "deliveryControls");
        var contributes = (rollup is null || Bool(rollup, "rollupObjectiveSatisfied", true) || Bool(rollup, "rollupProgressCompletion", true))
            && (delivery is null || Bool(delivery, "tracked", true));
        var sequencing = new ScormSequencing(parent, rules, objectives, contributes);
        return sequencing.IsDefault ? null : sequencing;
    }

    private List<ScormObjective> Objectives(XElement item)
    {
        var found = new List<ScormObjective>();
        if (Find(item, "objectives") is not { } objectives)
        {
            return found;
        }

        foreach (var objective in objectives.Elements().Where(e => e.Name.LocalName is "primaryObjective" or "objective"))
        {
            var primary = objective.Name.LocalName == "primaryObjective";
            var id = objective.Attribute("objectiveID")?.Value.Trim();
            if (string.IsNullOrEmpty(id))
            {
                if (!primary)
                {
                    _problem(objective, "<objective> needs an objectiveID attribute");
                    continue;
                }

                id = ""; // a primary objective may be anonymous; rules then reach it by leaving referencedObjective out
            }

            string? readSatisfied = null, writeSatisfied = null, readMeasure = null, writeMeasure = null;
            foreach (var map in Children(objective, "mapInfo"))
            {
                var target = map.Attribute("targetObjectiveID")?.Value.Trim();
                if (string.IsNullOrEmpty(target))
                {
                    _problem(map, $"<mapInfo> of objective '{id}' needs a targetObjectiveID attribute");
                    continue;
                }

                readSatisfied ??= Bool(map, "readSatisfiedStatus", true) ? target : null;
                writeSatisfied ??= Bool(map, "writeSatisfiedStatus", false) ? target : null;
                readMeasure ??= Bool(map, "readNormalizedMeasure", true) ? target : null;
                writeMeasure ??= Bool(map, "writeNormalizedMeasure", false) ? target : null;
            }

            var byMeasure = Bool(objective, "satisfiedByMeasure", false)
                ? Measure(Child(objective, "minNormalizedMeasure") is { } min ? min.Value : "1.0", objective, "<minNormalizedMeasure>")
                : null;
            found.Add(new ScormObjective(id, primary, readSatisfied, writeSatisfied, readMeasure, writeMeasure) { SatisfiedByMeasure = byMeasure });
        }

        return found;
    }

    private List<ScormPrecondition> Preconditions(XElement item, List<ScormObjective> objectives)
    {
        var rules = new List<ScormPrecondition>();
        if (Find(item, "sequencingRules") is not { } container)
        {
            return rules;
        }

        foreach (var rule in Children(container, "preConditionRule"))
        {
            var action = Child(rule, "ruleAction")?.Attribute("action")?.Value.Trim();
            ScormRuleAction? act = action switch
            {
                "skip" => ScormRuleAction.Skip,
                "disabled" => ScormRuleAction.Disabled,
                "hiddenFromChoice" => ScormRuleAction.HiddenFromChoice,
                _ => null,
            };
            if (act is null && action != "stopForwardTraversal")
            {
                _problem(rule, $"<preConditionRule> needs <ruleAction action=\"…\"> with skip, disabled, hiddenFromChoice or stopForwardTraversal; found '{action ?? "(none)"}'");
                continue;
            }

            var conditions = Child(rule, "ruleConditions");
            var combination = conditions?.Attribute("conditionCombination")?.Value.Trim() ?? "all";
            if (combination is not ("all" or "any"))
            {
                _problem(conditions!, $"<ruleConditions conditionCombination=\"{combination}\">: expected 'all' or 'any'");
                continue;
            }

            var read = conditions is null ? [] : Children(conditions, "ruleCondition").Select(c => Condition(c, objectives)).ToList();
            if (read.Count == 0)
            {
                _problem(rule, "<preConditionRule> needs <ruleConditions> with at least one <ruleCondition>");
                continue;
            }

            if (act is { } applied && read.All(c => c is not null))
            {
                rules.Add(new ScormPrecondition(read!, applied, combination == "any"));
            }
        }

        return rules;
    }

    private ScormCondition? Condition(XElement condition, List<ScormObjective> objectives)
    {
        var name = condition.Attribute("condition")?.Value.Trim();
        if (name is null || !Conditions.TryGetValue(name, out var kind))
        {
            _problem(condition, $"<ruleCondition condition=\"{name ?? ""}\">: expected one of {string.Join(", ", Conditions.Keys)}");
            return null;
        }

        var op = condition.Attribute("operator")?.Value.Trim() ?? "noOp";
        if (op is not ("not" or "noOp"))
        {
            _problem(condition, $"<ruleCondition operator=\"{op}\">: expected 'not' or 'noOp'");
            return null;
        }

        var objective = condition.Attribute("referencedObjective")?.Value.Trim();
        if (!string.IsNullOrEmpty(objective) && objectives.All(o => o.Id != objective))
        {
            _problem(condition, $"<ruleCondition referencedObjective=\"{objective}\"> names no objective of this item; objectives: {(objectives.Count == 0 ? "(none)" : string.Join(", ", objectives.Select(o => o.Id.Length == 0 ? "(primary, no ID)" : o.Id)))}");
            return null;
        }

        decimal? threshold = null;
        if (kind is ScormRuleCondition.ObjectiveMeasureGreaterThan or ScormRuleCondition.ObjectiveMeasureLessThan)
        {
            threshold = Measure(condition.Attribute("measureThreshold")?.Value ?? "0.0", condition, "measureThreshold");
        }

        return new ScormCondition(kind, op == "not", string.IsNullOrEmpty(objective) ? null : objective, threshold);
    }

    private decimal? Measure(string text, XElement at, string what)
    {
        if (decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is >= -1m and <= 1m)
        {
            return value;
        }

        _problem(at, $"{what} is '{text.Trim()}'; expected a number from -1 to 1");
        return null;
    }

    /// <summary>An element of the item's sequencing: its own, or else the one of the collection entry it names with IDRef.</summary>
    private XElement? Find(XElement owner, string name)
    {
        if (Child(owner, "sequencing") is not { } sequencing)
        {
            return null;
        }

        if (Child(sequencing, name) is { } own)
        {
            return own;
        }

        if (sequencing.Attribute("IDRef")?.Value is { Length: > 0 } reference)
        {
            if (_collection.TryGetValue(reference, out var shared))
            {
                return Child(shared, name);
            }

            if (_reported.Add(sequencing))
            {
                _problem(sequencing, $"<sequencing IDRef=\"{reference}\"> names nothing in <sequencingCollection>; IDs there: {(_collection.Count == 0 ? "(none)" : string.Join(", ", _collection.Keys))}");
            }
        }

        return null;
    }

    private bool Bool(XElement element, string attribute, bool fallback)
    {
        var text = element.Attribute(attribute)?.Value.Trim();
        switch (text)
        {
            case null:
                return fallback;
            case "true" or "1":
                return true;
            case "false" or "0":
                return false;
            default:
                _problem(element, $"<{element.Name.LocalName} {attribute}=\"{text}\">: expected true or false");
                return fallback;
        }
    }

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static IEnumerable<XElement> Children(XElement parent, string name) => parent.Elements().Where(e => e.Name.LocalName == name);
}

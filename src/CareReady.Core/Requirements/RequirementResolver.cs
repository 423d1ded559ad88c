using CareReady.Core.Competencies;

namespace CareReady.Core.Requirements;

/// <summary>Why a competency is required: the rule that matched and the position it matched.</summary>
public sealed record RequirementReason(int RuleId, string RuleName, int PositionId, string AssignmentNumber, int RuleCompetencyId);

/// <summary>One competency a person needs, with everything that decides its dates.</summary>
public sealed record Requirement(
    Competency Competency,
    int? RefresherMonths,
    int GraceDays,
    DateOnly RequiredFrom,
    IReadOnlyList<RequirementReason> Reasons,
    IReadOnlyList<Competency> Covers);

/// <summary>A rule together with the materialised path of its department, if it has one.</summary>
public sealed record RuleWithScope(RequirementRule Rule, string? DepartmentPath);

/// <summary>
/// Computes a person's required set from their current positions. Pure: everything it needs is passed
/// in, so it is equally at home in a web request, an import and the compliance engine.
/// </summary>
public static class RequirementResolver
{
    public static IReadOnlyList<Requirement> Resolve(
        IEnumerable<PositionFacts> positions,
        IEnumerable<RuleWithScope> rules,
        IReadOnlyDictionary<int, Competency> competencies,
        IReadOnlyDictionary<int, int> refresherOverrides,
        DateOnly onDate)
    {
        var current = positions.Where(p => p.IsCurrentOn(onDate)).ToList();
        var ruleList = rules.Where(r => r.Rule.IsActive).ToList();

        // competency id -> (reasons, earliest start, smallest grace)
        var matched = new Dictionary<int, (List<RequirementReason> Reasons, DateOnly From, int Grace)>();
        Dictionary<int, int>? observed = null;
        foreach (var position in current)
        {
            foreach (var scoped in ruleList)
            {
                if (!RuleMatcher.Matches(scoped.Rule, scoped.DepartmentPath, position))
                {
                    continue;
                }

                var rule = scoped.Rule;
                var reason = new RequirementReason(rule.Id, rule.Name, position.PositionId, position.AssignmentNumber, rule.CompetencyId);
                Add(matched, rule.CompetencyId, reason, position.StartDate, rule.GraceDays);
                if (rule.RequiresObservation
                    && competencies.TryGetValue(rule.CompetencyId, out var knowledge)
                    && (observed ??= ObservedCounterparts(competencies)).TryGetValue(knowledge.Id, out var observedId))
                {
                    Add(matched, observedId, reason, position.StartDate, rule.GraceDays);
                }
            }
        }

        // A required competency that another required competency satisfies is folded into it:
        // needing Resuscitation level 3 (adult) already covers level 2 (adult) and level 1.
        var ids = matched.Keys.Where(competencies.ContainsKey).ToList();
        var kept = ids.Where(id => !ids.Any(other => other != id
                && competencies[other].Satisfies(competencies[id])
                && !(competencies[id].Satisfies(competencies[other]) && other > id)))
            .ToList();

        var result = new List<Requirement>(kept.Count);
        foreach (var id in kept)
        {
            var competency = competencies[id];
            var (reasons, from, grace) = matched[id];
            var allReasons = new List<RequirementReason>(reasons);
            var covers = new List<Competency>();
            foreach (var otherId in ids)
            {
                if (otherId != id && !kept.Contains(otherId) && competency.Satisfies(competencies[otherId]))
                {
                    allReasons.AddRange(matched[otherId].Reasons);
                    covers.Add(competencies[otherId]);
                    if (matched[otherId].From < from) from = matched[otherId].From;
                }
            }

            var months = refresherOverrides.TryGetValue(id, out var overridden) ? overridden : competency.DefaultRefresherMonths;
            result.Add(new Requirement(competency, months, grace, from, allReasons, covers));
        }

        return result.OrderBy(r => r.Competency.Code, StringComparer.Ordinal).ToList();
    }

    private static void Add(Dictionary<int, (List<RequirementReason> Reasons, DateOnly From, int Grace)> matched,
        int competencyId, RequirementReason reason, DateOnly start, int grace)
    {
        if (matched.TryGetValue(competencyId, out var entry))
        {
            entry.Reasons.Add(reason);
            matched[competencyId] = (entry.Reasons, start < entry.From ? start : entry.From, Math.Min(entry.Grace, grace));
        }
        else
        {
            matched[competencyId] = ([reason], start, grace);
        }
    }

    /// <summary>Knowledge competency id → its observed-practice counterpart's id, for those that have one.</summary>
    private static Dictionary<int, int> ObservedCounterparts(IReadOnlyDictionary<int, Competency> competencies)
    {
        var result = new Dictionary<int, int>();
        var all = competencies.Values.ToList();
        foreach (var c in all)
        {
            if (c.ObservedCounterpart(all) is { } o)
            {
                result[c.Id] = o.Id;
            }
        }

        return result;
    }
}

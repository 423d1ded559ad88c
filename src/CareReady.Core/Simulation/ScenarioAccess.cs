using System.Collections.Concurrent;
using CareReady.Core.Identity;
using CareReady.Core.Security;
using CareReady.Core.Simulation.Scenarios;

namespace CareReady.Core.Simulation;

/// <summary>Who may do what with simulations, and the parsed definitions of published versions (cached: they never change).</summary>
public static class ScenarioAccess
{
    private static readonly ConcurrentDictionary<string, ScenarioDefinition> Cache = new(StringComparer.Ordinal);

    /// <summary>Educators, educator leads, compliance leads and admins upload and submit scenarios and read the per-scenario report.</summary>
    public static bool CanAuthor(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsInRole(Roles.Educator) || scope.IsInRole(Roles.EducatorLead) || scope.OrganisationWide;
    }

    /// <summary>Educator leads and compliance leads approve or return a scenario version someone else submitted (as for modules).</summary>
    public static bool CanApprove(AccessScope scope) => Learning.ModuleAccess.CanApprove(scope);

    public static ScenarioDefinition Definition(ScenarioVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        // Keyed by the file itself: a published version never changes, and ids repeat across databases.
        return Cache.GetOrAdd(version.Definition, json =>
            ScenarioParser.Parse(json).Scenario
            ?? throw new InvalidOperationException($"Published scenario version {version.Id} no longer parses."));
    }
}

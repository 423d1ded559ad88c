using System.Collections.Concurrent;
using CareReady.Core.Identity;
using CareReady.Core.Security;
using CareReady.Core.Simulation.Scenarios;

namespace CareReady.Core.Simulation;

/// <summary>Who may do what with simulations, and the parsed definitions of published versions (cached: they never change).</summary>
public static class ScenarioAccess
{
    private static readonly ConcurrentDictionary<(int, int), ScenarioDefinition> Cache = new();

    /// <summary>Educators, educator leads, compliance leads and admins publish scenarios and read the per-scenario report.</summary>
    public static bool CanAuthor(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        return scope.IsInRole(Roles.Educator) || scope.IsInRole(Roles.EducatorLead) || scope.OrganisationWide;
    }

    public static ScenarioDefinition Definition(ScenarioVersion version)
    {
        ArgumentNullException.ThrowIfNull(version);
        return Cache.GetOrAdd((version.Id, version.Number), _ =>
            ScenarioParser.Parse(version.Definition).Scenario
            ?? throw new InvalidOperationException($"Published scenario version {version.Id} no longer parses."));
    }
}

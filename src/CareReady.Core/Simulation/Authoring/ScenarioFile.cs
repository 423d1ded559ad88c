using System.Security.Cryptography;
using System.Text;
using CareReady.Core.Data;
using CareReady.Core.Simulation.Scenarios;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Simulation.Authoring;

/// <summary>
/// The one check of a scenario file used by upload, submit, review and the seed: the parser's checks (every
/// problem with its JSON path) and then that every competency it confers is in the catalogue.
/// </summary>
public static class ScenarioFile
{
    public static async Task<(ScenarioDefinition? Scenario, IReadOnlyList<ScenarioError> Errors)> CheckAsync(AppDbContext db, string json, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        var parsed = ScenarioParser.Parse(json);
        if (!parsed.Succeeded)
        {
            return (null, parsed.Errors);
        }

        var scenario = parsed.Scenario!;
        var known = await db.Competencies.AsNoTracking().Where(c => scenario.Confers.Contains(c.Code)).Select(c => c.Code).ToListAsync(ct);
        var errors = scenario.Confers.Select((c, i) => (c, i)).Where(x => !known.Contains(x.c))
            .Select(x => new ScenarioError($"$.confers[{x.i}]", $"\"{x.c}\" is not a competency in the catalogue.")).ToList();
        return errors.Count > 0 ? (null, errors) : (scenario, []);
    }

    public static IEnumerable<ScenarioGuidelineCitation> Citations(int organisationId, ScenarioDefinition scenario) =>
        scenario.Guidelines.Select(g => new ScenarioGuidelineCitation { OrganisationId = organisationId, Source = g.Source, Version = g.Version });

    /// <summary>
    /// On publishing: every guideline version the scenario cites gets a registry entry if it has none (as for
    /// modules), so a regulatory change can be proposed against it. Adds to the caller's unit of work.
    /// </summary>
    public static Task EnsureRegistryAsync(AppDbContext db, int organisationId, ScenarioDefinition scenario, DateTime now, CancellationToken ct) =>
        Regulation.GuidelineRegistrySync.EnsureAsync(db, organisationId,
            scenario.Guidelines.Select(g => new Learning.GuidelineCitation { Source = g.Source, Version = g.Version }), now, ct);

    public static string Hash(string json) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
}

using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Simulation;

/// <summary>The seed scenarios shipped in content/scenarios (embedded), published into an organisation that has none of them yet.</summary>
public static class SeedScenarios
{
    private const string Prefix = "content/scenarios/";

    public static IReadOnlyList<(string Name, string Json)> Files()
    {
        var assembly = typeof(SeedScenarios).Assembly;
        return assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(n =>
            {
                using var stream = assembly.GetManifestResourceStream(n)!;
                using var reader = new StreamReader(stream);
                return (n[Prefix.Length..], reader.ReadToEnd());
            }).ToList();
    }

    /// <summary>Publishes each seed scenario whose code the organisation does not have; returns how many were published.</summary>
    public static async Task<int> PublishAsync(AppDbContext db, TimeProvider time, int organisationId, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var existing = await db.Scenarios.AsNoTracking().Where(s => s.OrganisationId == organisationId).Select(s => s.Code).ToListAsync(ct);
        var publish = new PublishScenario(db, time);
        var count = 0;
        foreach (var (name, json) in Files())
        {
            var parsed = Scenarios.ScenarioParser.Parse(json);
            if (!parsed.Succeeded)
            {
                throw new InvalidOperationException($"Seed scenario {name} is invalid: " + string.Join("; ", parsed.Errors));
            }

            if (existing.Contains(parsed.Scenario!.Code))
            {
                continue;
            }

            var result = await publish.PublishAsync(organisationId, json, actor, ct);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Seed scenario {name} was not published: " + string.Join("; ", result.Errors));
            }

            count++;
        }

        return count;
    }
}

using System.Data.Common;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Core.Xapi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace CareReady.Core.Simulation;

/// <summary>
/// Moves simulation statements into the organisation's LRS store (the statements <c>/xapi/statements</c> serves).
/// <see cref="SimulationStatement"/> is the outbox: a run's statements are written in the same save as the run's
/// result, then stored in the LRS through <see cref="StoreStatements"/> — right after that save, and again by a
/// background round for anything left (a crash, a database hiccup) — and marked <see cref="SimulationStatement.IngestedAt"/>.
/// Nothing is lost (a row stays pending until the LRS has it) and nothing is duplicated: the statement id is
/// unique per organisation in the LRS and a statement stored again with the same content is skipped.
/// </summary>
public sealed class IngestSimulationStatements(AppDbContext db, StoreStatements store, TimeProvider time, ILogger<IngestSimulationStatements> logger)
{
    public const int BatchSize = 200;

    /// <summary>The authority the LRS writes on simulation statements: CareReady itself, not an external client.</summary>
    public static LrsCaller Caller(int organisationId) =>
        new(0, organisationId, "CareReady simulations", "careready-simulations", CanRead: false, CanWrite: true, "https://careready.example/xapi");

    /// <summary>Stores every pending statement of one organisation; returns how many were stored (or found already stored).</summary>
    public async Task<int> RunAsync(int organisationId, CancellationToken ct = default)
    {
        var total = 0;
        while (true)
        {
            var rows = await db.SimulationStatements.AsNoTracking()
                .Where(s => s.OrganisationId == organisationId && s.IngestedAt == null)
                .OrderBy(s => s.Id).Take(BatchSize).Select(s => new { s.Id, s.Json }).ToListAsync(ct);
            if (rows.Count == 0)
            {
                return total;
            }

            await store.RunAsync(Caller(organisationId), rows.Select(r => JsonNode.Parse(r.Json)).ToList(), batch: true, XapiVersion.V103, putId: null, ct);
            var ids = rows.Select(r => r.Id).ToList();
            var now = time.GetUtcNow().UtcDateTime;
            await db.SimulationStatements.Where(s => ids.Contains(s.Id) && s.IngestedAt == null)
                .ExecuteUpdateAsync(u => u.SetProperty(s => s.IngestedAt, now), ct);
            total += rows.Count;
        }
    }

    /// <summary>Every organisation with pending statements (the background round).</summary>
    public async Task<int> RunAllAsync(CancellationToken ct = default)
    {
        var organisations = await db.SimulationStatements.AsNoTracking().Where(s => s.IngestedAt == null)
            .Select(s => s.OrganisationId).Distinct().ToListAsync(ct);
        var total = 0;
        foreach (var organisationId in organisations)
        {
            total += await RunAsync(organisationId, ct);
        }

        return total;
    }

    /// <summary>
    /// After a run's save: stores its statements now so LRS readers see them at once. A failure is logged and
    /// left to the background round; the learner's answer is already saved.
    /// </summary>
    public async Task TryRunAsync(int organisationId, CancellationToken ct)
    {
        try
        {
            await RunAsync(organisationId, ct);
        }
        catch (Exception e) when (e is DbException or DbUpdateException or XapiException or InvalidOperationException)
        {
            logger.LogWarning(e, "Simulation statements of organisation {OrganisationId} were not stored in the LRS yet; the background round will retry", organisationId);
        }
    }
}

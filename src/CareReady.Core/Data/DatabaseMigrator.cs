using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Data;

/// <summary>Brings a database to the current schema and loads the national reference data.</summary>
public static class DatabaseMigrator
{
    /// <summary>The migration that introduced <see cref="Compliance.Completion.IsLatest"/>; applying it to a database with records backfills the marker.</summary>
    public const string LatestMarkerMigration = "CompletionLatestMarker";

    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        var addsLatestMarker = pending.Any(m => m.EndsWith("_" + LatestMarkerMigration, StringComparison.Ordinal))
            && (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
        await db.Database.MigrateAsync(cancellationToken);
        if (addsLatestMarker)
        {
            // The migration adds Completion.IsLatest as false everywhere; existing records get it from their history.
            await Compliance.LatestCompletions.RepairAsync(db, ct: cancellationToken);
        }

        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers carry on while an import writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await ReferenceDataSeeder.SeedAsync(db, cancellationToken);
    }
}

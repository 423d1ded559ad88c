using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Data;

/// <summary>Brings a database to the current schema and loads the national reference data.</summary>
public static class DatabaseMigrator
{
    /// <summary>The migration that introduced <see cref="Compliance.Completion.IsLatest"/>; applying it to a database with records backfills the marker.</summary>
    public const string LatestMarkerMigration = "CompletionLatestMarker";

    /// <summary>How long one migration command may run.</summary>
    public static readonly TimeSpan MigrationCommandTimeout = TimeSpan.FromHours(1);

    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        var pending = await db.Database.GetPendingMigrationsAsync(cancellationToken);
        var addsLatestMarker = pending.Any(m => m.EndsWith("_" + LatestMarkerMigration, StringComparison.Ordinal))
            && (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).Any();
        if (db.Database.GetDbConnection() is Microsoft.Data.Sqlite.SqliteConnection sqlite)
        {
            // The migration that hashes the xAPI index rows' keys calls it (PostgreSQL computes the same hash in SQL).
            sqlite.CreateFunction(Xapi.XapiRefKey.SqliteFunction, (string key) => Xapi.XapiRefKey.Of(key), isDeterministic: true);
        }

        // A migration can rebuild an index of a large table (millions of xAPI statements): not the 30 s of a query.
        var timeout = db.Database.GetCommandTimeout();
        db.Database.SetCommandTimeout(MigrationCommandTimeout);
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
            if (pending.Any() && db.Database.IsNpgsql())
            {
                // A column added to a large table has no statistics until autovacuum gets to it, and PostgreSQL then
                // guesses that a lookup on it matches half the table: the statement write's lookup of StatementRef
                // targets became a sequential scan of millions of statements per group. ANALYZE samples each table.
                await db.Database.ExecuteSqlRawAsync("ANALYZE", cancellationToken);
            }
        }
        finally
        {
            db.Database.SetCommandTimeout(timeout);
        }
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

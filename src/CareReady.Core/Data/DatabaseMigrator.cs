using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Data;

/// <summary>Brings a database to the current schema and loads the national reference data.</summary>
public static class DatabaseMigrator
{
    public static async Task MigrateAsync(AppDbContext db, CancellationToken cancellationToken = default)
    {
        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers carry on while an import writes.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        await ReferenceDataSeeder.SeedAsync(db, cancellationToken);
    }
}

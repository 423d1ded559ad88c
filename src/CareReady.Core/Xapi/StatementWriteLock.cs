using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Xapi;

/// <summary>
/// Serialises statement writes so stored order (Seq) is also commit order: a reader never sees Seq n+1
/// before Seq n, so a keyset cursor neither skips nor repeats. In-process: a semaphore (cheap, and all
/// SQLite needs). Across processes on PostgreSQL: a transaction-scoped advisory lock taken inside the
/// write's transaction. One instance per application.
/// </summary>
public sealed class StatementWriteLock : IDisposable
{
    /// <summary>Advisory lock key ("xAPI" in ASCII).</summary>
    private const long AdvisoryKey = 0x78415049;

    private readonly SemaphoreSlim _semaphore = new(1, 1);

    public Task EnterAsync(CancellationToken ct) => _semaphore.WaitAsync(ct);

    public void Exit() => _semaphore.Release();

    public void Dispose() => _semaphore.Dispose();

    public static async Task LockDatabaseAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryKey})", ct);
        }
    }
}

using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Xapi;

/// <summary>
/// Serialises statement writes so stored order (Seq) is also commit order: a reader never sees Seq n+1
/// before Seq n, so a keyset cursor neither skips nor repeats. In-process: a semaphore (cheap, and all
/// SQLite needs). Across processes on PostgreSQL: a transaction-scoped advisory lock taken inside the
/// write's transaction. One instance per application. It also holds the requests waiting to be written
/// (<see cref="PendingStatementWrite"/>), so the holder of the lock can write them together (group commit).
/// </summary>
public sealed class StatementWriteLock : IDisposable
{
    /// <summary>Advisory lock key ("xAPI" in ASCII).</summary>
    private const long AdvisoryKey = 0x78415049;

    private readonly SemaphoreSlim _semaphore = new(1, 1);
    private readonly List<PendingStatementWrite> _waiting = [];
    private readonly Lock _gate = new();

    public Task EnterAsync(CancellationToken ct) => _semaphore.WaitAsync(ct);

    public void Exit() => _semaphore.Release();

    public void Dispose() => _semaphore.Dispose();

    /// <summary>Requests waiting to be written.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiting.Count;
            }
        }
    }

    public void Enqueue(PendingStatementWrite write)
    {
        lock (_gate)
        {
            _waiting.Add(write);
        }
    }

    public void Withdraw(PendingStatementWrite write)
    {
        lock (_gate)
        {
            _waiting.Remove(write);
        }
    }

    /// <summary>
    /// Takes the waiting requests of <paramref name="first"/>'s caller (the same LRS client, organisation and rights), oldest first, up to about
    /// <paramref name="maxStatements"/> statements (always <paramref name="first"/> itself). Other clients'
    /// requests stay for their own turn: a group is written under one client's name (the audit trail's actor).
    /// </summary>
    public List<PendingStatementWrite> TakeGroup(PendingStatementWrite first, int maxStatements)
    {
        ArgumentNullException.ThrowIfNull(first);
        lock (_gate)
        {
            var group = new List<PendingStatementWrite> { first };
            _waiting.Remove(first);
            var count = first.Statements.Count;
            for (var i = 0; i < _waiting.Count && count < maxStatements;)
            {
                var w = _waiting[i];
                if (w.Caller == first.Caller && count + w.Statements.Count <= maxStatements)
                {
                    group.Add(w);
                    count += w.Statements.Count;
                    _waiting.RemoveAt(i);
                }
                else
                {
                    i++;
                }
            }

            return group;
        }
    }

    public static async Task LockDatabaseAsync(AppDbContext db, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AdvisoryKey})", ct);
        }
    }
}

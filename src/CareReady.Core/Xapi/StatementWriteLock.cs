namespace CareReady.Core.Xapi;

/// <summary>
/// Serialises statement writes so stored order (Seq) is also commit order: a reader never sees Seq n+1
/// before Seq n, so a keyset cursor neither skips nor repeats. In-process: a semaphore (cheap, and all
/// SQLite needs). Across processes on PostgreSQL: a transaction-scoped advisory lock taken inside the
/// write's transaction (<see cref="GroupSnapshot"/>). One instance per application. It also holds the requests waiting to be written
/// (<see cref="PendingStatementWrite"/>), which <see cref="StatementWriter"/> writes together (group commit).
/// </summary>
public sealed class StatementWriteLock : IDisposable
{
    private readonly SemaphoreSlim _semaphore = new(1, 1);
    private readonly List<PendingStatementWrite> _waiting = [];
    private readonly Lock _gate = new();

    public Task EnterAsync(CancellationToken ct) => _semaphore.WaitAsync(ct);

    public void Exit() => _semaphore.Release();

    public void Dispose() => _semaphore.Dispose();

    /// <summary>
    /// The last statement in the store as this application's writer last saw it, while it knows it (null after a write
    /// inside a caller's own transaction, or a failed write): the next group can then be written in one round trip
    /// (<see cref="PlainGroupWrite"/>), whose guard checks that no other writer came in between. Read and set only under
    /// the lock.
    /// </summary>
    public LastStatement? LastWritten { get; set; }

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
    /// Takes the oldest waiting request and the other waiting requests of its caller (the same LRS client, organisation
    /// and rights, and the same audit actor), oldest first, up to about <paramref name="maxStatements"/> statements
    /// (always the oldest itself); empty when none waits. Other clients' requests stay for their own turn: a group is
    /// written under one client's name.
    /// </summary>
    public List<PendingStatementWrite> TakeGroup(int maxStatements)
    {
        lock (_gate)
        {
            if (_waiting.Count == 0)
            {
                return [];
            }

            var first = _waiting[0];
            var group = new List<PendingStatementWrite> { first };
            _waiting.RemoveAt(0);
            var count = first.Statements.Count;
            for (var i = 0; i < _waiting.Count && count < maxStatements;)
            {
                var w = _waiting[i];
                if (w.Caller == first.Caller && w.Actor == first.Actor && count + w.Statements.Count <= maxStatements)
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
}

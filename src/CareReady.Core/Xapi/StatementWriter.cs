using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using CareReady.Core.Audit;
using CareReady.Core.Data;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareReady.Core.Xapi;

/// <summary>
/// The one writer of statement requests that are not part of a caller's own transaction (every LRS request;
/// see ADR 0022). A request is validated where it arrives, then waits in <see cref="StatementWriteLock"/>'s queue;
/// this writer takes, under the write lock, every waiting request of the oldest request's client and writes them in
/// one transaction (group commit: one commit, one flush to disk), each accepted or refused on its own, in a DI scope
/// of its own whose audit actor is the requests' actor. Waiting requests hold no database connection and no
/// <c>DbContext</c>: only the writer does, one per group. Singleton; the loop starts with the first request.
/// </summary>
public sealed class StatementWriter(IServiceScopeFactory scopes, StatementWriteLock writeLock, XapiMetrics metrics, DatabaseOptions database, ILogger<StatementWriter> logger)
{
    /// <summary>The most statements written in one group.</summary>
    public const int MaxGroupStatements = 2_000;

    /// <summary>
    /// The fewest statements of a plain group the writer keeps in flight while it sends the next one (ADR 0026). A
    /// smaller group is answered before the next is taken: more requests gather meanwhile, and fewer, larger groups
    /// cost less than two small ones in flight (measured: single-statement POSTs at 32 clients were slower pipelined).
    /// Such a group also commits without waiting for the disk and is answered after a flush (ADR 0027); a small one
    /// waits in its commit as usual — an extra flush per small group cost what the shorter lock saved.
    /// </summary>
    public const int MinPipelinedStatements = 100;

    private readonly Channel<bool> _doorbell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private int _started;

    /// <summary>
    /// Validates and stores one request's statements (PUT with <paramref name="putId"/>, POST single or batch):
    /// all or nothing for the request. Returns the statements' ids; throws <see cref="XapiException"/> when refused.
    /// </summary>
    /// <param name="actor">Who the audit trail names for what the write changes (e.g. "xapi:&lt;client name&gt;").</param>
    public async Task<IReadOnlyList<Guid>> SubmitAsync(LrsCaller caller, string actor, IReadOnlyList<JsonNode?> statements, bool batch, XapiVersion version, Guid? putId, IReadOnlyList<AttachmentPart>? attachments, CancellationToken ct = default)
    {
        // Drafted here, on the request's thread, where PostgreSQL lets the writer take the one-round-trip path (ADR 0028).
        var write = PendingStatementWrite.Prepare(caller, actor, statements, batch, version, putId, attachments, draft: database.Provider == DatabaseProvider.Postgres);
        Queue([write]);
        try
        {
            return await write.Done.WaitAsync(ct);
        }
        catch (OperationCanceledException) when (!write.IsDone)
        {
            // Given up before it was written; if the writer took it already, that write stands.
            writeLock.Withdraw(write);
            throw;
        }
    }

    /// <summary>Puts requests in the queue and wakes the writer (started with the first request).</summary>
    private void Queue(List<PendingStatementWrite> writes)
    {
        writes.ForEach(writeLock.Enqueue);
        EnsureRunning();
        _doorbell.Writer.TryWrite(true);
    }

    private void EnsureRunning()
    {
        if (Interlocked.Exchange(ref _started, 1) == 0)
        {
            _ = Task.Run(RunAsync);
        }
    }

    private async Task RunAsync()
    {
        while (await _doorbell.Reader.WaitToReadAsync())
        {
            _doorbell.Reader.TryRead(out _);
            await writeLock.EnterAsync(CancellationToken.None);
            try
            {
                await WriteWaitingAsync();
            }
            catch (Exception e)
            {
                // Each group's own failures are handled in FinishAsync and WriteAsync; this is the writer's own fault.
                logger.LogError(e, "The statement writer failed");
            }
            finally
            {
                writeLock.Exit();
            }
        }
    }

    /// <summary>
    /// Writes groups until none waits. A plain group (<see cref="StoreStatements.StartPlain"/>) is sent without waiting for
    /// a large plain group before it (<see cref="MinPipelinedStatements"/>) — two in flight, on two connections — its
    /// guard expecting the store to end with that group's last statement; it asks for PostgreSQL's advisory lock only once
    /// the one before holds it (<see cref="PlainWrite.Locked"/>), so it is at the lock the moment the one before commits.
    /// Results are taken in the order sent.
    /// </summary>
    private async Task WriteWaitingAsync()
    {
        InFlight? previous = null;
        while (writeLock.TakeGroup(MaxGroupStatements) is { Count: > 0 } group)
        {
            var taken = Stopwatch.GetTimestamp();
            var scope = scopes.CreateAsyncScope();
            if (scope.ServiceProvider.GetService<AuditContext>() is { } audit)
            {
                audit.Actor = group[0].Actor;
            }

            var store = scope.ServiceProvider.GetRequiredService<StoreStatements>();
            if (previous?.Plain.Written is { IsCompletedSuccessfully: true, Result: false })
            {
                // Known not written: finish it first, so the next group does not expect its statements (and fail in turn).
                await FinishAsync(previous, next: null);
                previous = null;
            }

            var after = previous is not null ? previous.Plain.Last : writeLock.LastWritten;
            // A large group is kept in flight while the next is sent, and commits without waiting for the disk (ADR 0027); a
            // small one is answered before the next is taken: requests gather meanwhile, rather than split into more groups.
            var large = group.Sum(w => w.Statements.Count) >= MinPipelinedStatements;
            PlainWrite? plain = null;
            if (after is { } a)
            {
                try
                {
                    plain = store.StartPlain(group, a, flushLater: large, behind: previous?.Plain.Locked, CancellationToken.None);
                }
                catch (Exception e)
                {
                    logger.LogWarning(e, "Preparing a group of {Requests} statement requests for one round trip failed; writing it the checked way", group.Count);
                }
            }

            if (plain is null)
            {
                await FinishAsync(previous, next: null);
                previous = null;
                await using (scope)
                {
                    await WriteAsync(store, group);
                }

                continue;
            }

            var current = new InFlight(scope, store, plain, taken);
            await FinishAsync(previous, current);
            previous = current;
            if (!large)
            {
                await FinishAsync(previous, next: null);
                previous = null;
            }
        }

        await FinishAsync(previous, next: null);
    }

    /// <summary>
    /// Takes the answer of a plain group sent earlier. Written: the next group may follow it at once, and its requests are
    /// answered — for a group that committed without waiting for the disk, once its commit is on disk
    /// (<see cref="AnswerWhenDurableAsync"/>, which takes over the group's scope). Not written (its guard found something to
    /// check, or it failed): once the group sent after it has its answer too — it expected this one's statements, so it was
    /// not written either, unless this one's commit happened after all — the group is written the checked way.
    /// </summary>
    private async Task FinishAsync(InFlight? flight, InFlight? next)
    {
        if (flight is null)
        {
            return;
        }

        if (await flight.Plain.Written)
        {
            writeLock.LastWritten = flight.Plain.Last;
            metrics.GroupStored(XapiMetrics.OneRoundTrip, flight.Plain.Group.Sum(w => w.Statements.Count), Stopwatch.GetElapsedTime(flight.Taken));
            if (flight.Plain.FlushLater)
            {
                _ = AnswerWhenDurableAsync(flight);
                return;
            }

            await flight.Scope.DisposeAsync();
            flight.Plain.Group.ForEach(w => w.Succeed());
            return;
        }

        await using (flight.Scope)
        {
            if (next is not null)
            {
                await next.Plain.Written;
            }

            await WriteAsync(flight.Store, flight.Plain.Group);
        }
    }

    /// <summary>
    /// Answers a plain group's requests once its commit is on disk. Should the flush fail (say, the database went away), it
    /// is not known whether the commit survived: the requests go back in the queue and are written the checked way, which
    /// accepts statements it finds already stored with the same content.
    /// </summary>
    private async Task AnswerWhenDurableAsync(InFlight flight)
    {
        await using (flight.Scope)
        {
            try
            {
                await flight.Store.FlushAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                logger.LogWarning(e, "Waiting for a group of {Requests} statement requests to reach the disk failed; writing it again the checked way", flight.Plain.Group.Count);
                Queue(flight.Plain.Group);
                return;
            }
        }

        flight.Plain.Group.ForEach(w => w.Succeed());
    }

    private async Task WriteAsync(StoreStatements store, List<PendingStatementWrite> group)
    {
        try
        {
            await store.WriteCheckedAsync(group, CancellationToken.None);
        }
        catch (Exception e)
        {
            // Not a refused request (those fail on their own inside the write): the writer must go on for the others.
            writeLock.LastWritten = null;
            logger.LogError(e, "Writing a group of {Requests} statement requests failed", group.Count);
            group.ForEach(w => w.Fail(e));
        }
    }

    /// <summary>A plain group sent and not yet answered, with the DI scope (and so the connection) it holds.</summary>
    private sealed record InFlight(AsyncServiceScope Scope, StoreStatements Store, PlainWrite Plain, long Taken);
}

using System.Text.Json.Nodes;
using System.Threading.Channels;
using CareReady.Core.Audit;
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
public sealed class StatementWriter(IServiceScopeFactory scopes, StatementWriteLock writeLock, ILogger<StatementWriter> logger)
{
    /// <summary>The most statements written in one group.</summary>
    public const int MaxGroupStatements = 2_000;

    private readonly Channel<bool> _doorbell = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private int _started;

    /// <summary>
    /// Validates and stores one request's statements (PUT with <paramref name="putId"/>, POST single or batch):
    /// all or nothing for the request. Returns the statements' ids; throws <see cref="XapiException"/> when refused.
    /// </summary>
    /// <param name="actor">Who the audit trail names for what the write changes (e.g. "xapi:&lt;client name&gt;").</param>
    public async Task<IReadOnlyList<Guid>> SubmitAsync(LrsCaller caller, string actor, IReadOnlyList<JsonNode?> statements, bool batch, XapiVersion version, Guid? putId, IReadOnlyList<AttachmentPart>? attachments, CancellationToken ct = default)
    {
        var write = PendingStatementWrite.Prepare(caller, actor, statements, batch, version, putId, attachments);
        writeLock.Enqueue(write);
        EnsureRunning();
        _doorbell.Writer.TryWrite(true);
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
                while (writeLock.TakeGroup(MaxGroupStatements) is { Count: > 0 } group)
                {
                    await WriteAsync(group);
                }
            }
            finally
            {
                writeLock.Exit();
            }
        }
    }

    private async Task WriteAsync(List<PendingStatementWrite> group)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            if (scope.ServiceProvider.GetService<AuditContext>() is { } audit)
            {
                audit.Actor = group[0].Actor;
            }

            await scope.ServiceProvider.GetRequiredService<StoreStatements>().WriteInTransactionAsync(group, CancellationToken.None);
        }
        catch (Exception e)
        {
            // Not a refused request (those fail on their own inside the write): the writer must go on for the others.
            logger.LogError(e, "Writing a group of {Requests} statement requests failed", group.Count);
            group.ForEach(w => w.Fail(e));
        }
    }
}

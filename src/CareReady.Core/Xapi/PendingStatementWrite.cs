using System.Text.Json.Nodes;

namespace CareReady.Core.Xapi;

/// <summary>One validated statement of a request, ready to store.</summary>
/// <param name="Path">Where it was in the request ("statement", "statements[3]"), for error messages.</param>
/// <param name="Voids">The statement it voids, for a voiding statement.</param>
public sealed record PreparedStatement(string Path, Guid Id, JsonObject Statement, Guid? Voids)
{
    /// <summary>The statement drafted ahead (<see cref="StatementDraft"/>), where it was: its rows then cost the writer little.</summary>
    internal StatementDraft? Draft { get; init; }
}

/// <summary>
/// A request's statements waiting in <see cref="StatementWriteLock"/>'s queue: <see cref="StatementWriter"/> stores
/// every waiting request of the same LRS client in one transaction — group commit — and completes each one's task
/// with its ids or its own error.
/// </summary>
public sealed class PendingStatementWrite(LrsCaller caller, IReadOnlyList<PreparedStatement> statements, XapiVersion version)
{
    private readonly TaskCompletionSource<IReadOnlyList<Guid>> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public LrsCaller Caller { get; } = caller;
    public IReadOnlyList<PreparedStatement> Statements { get; } = statements;
    public XapiVersion Version { get; } = version;

    /// <summary>The raw attachment parts of a multipart/mixed request, if it was one.</summary>
    public IReadOnlyList<AttachmentPart>? Attachments { get; init; }

    /// <summary>Sent as a batch (an array): for the attachment checks' messages.</summary>
    public bool Batch { get; init; }

    /// <summary>Who the audit trail names for the write.</summary>
    public string Actor { get; init; } = Audit.AuditContext.SystemActor;

    /// <summary>
    /// Validates a request's statements (<see cref="StoreStatements.Prepare"/>) and its attachment parts — refused
    /// before it waits for the writer — and makes the pending write.
    /// </summary>
    /// <param name="draft">Draft the statements ahead when the request is plain (the writer can take the one-round-trip path).</param>
    public static PendingStatementWrite Prepare(LrsCaller caller, string actor, IReadOnlyList<JsonNode?> statements, bool batch, XapiVersion version, Guid? putId,
        IReadOnlyList<AttachmentPart>? attachments, bool draft = false)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var prepared = StoreStatements.Prepare(statements, batch, version, putId);
        AttachmentStore.Check(prepared.ConvertAll(p => p.Statement), attachments ?? [], batch);
        if (draft && attachments is not { Count: > 0 } && prepared.TrueForAll(StatementDraft.Applies))
        {
            var authority = caller.Authority();
            prepared = prepared.ConvertAll(p => p with { Draft = StatementDraft.Of(p, authority, version) });
        }

        return new PendingStatementWrite(caller, prepared, version) { Attachments = attachments, Batch = batch, Actor = actor };
    }

    public Task<IReadOnlyList<Guid>> Done => _done.Task;

    public bool IsDone => _done.Task.IsCompleted;

    public void Succeed() => _done.TrySetResult(Statements.Select(s => s.Id).ToList());

    public void Fail(Exception error) => _done.TrySetException(error);
}

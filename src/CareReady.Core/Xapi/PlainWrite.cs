using System.Text.Json.Nodes;

namespace CareReady.Core.Xapi;

/// <summary>
/// A plain group sent to PostgreSQL in one round trip (<see cref="StoreStatements.StartPlain"/>), not yet answered.
/// </summary>
/// <param name="Written">Whether the guard held and the group was committed (false, nothing written, otherwise).</param>
/// <param name="Last">The group's last statement: the store's last once the group is written.</param>
/// <param name="Untimed">The group's statements that came without a timestamp (the draft gave them one).</param>
/// <param name="FlushLater">Committed without waiting for the disk: answer the requests after <see cref="StoreStatements.FlushAsync"/> (ADR 0027).</param>
internal sealed record PlainWrite(List<PendingStatementWrite> Group, Task<bool> Written, LastStatement Last, List<JsonObject> Untimed, bool FlushLater)
{
    /// <summary>
    /// The statements as they came, for the checked path: a resent statement without a timestamp must still match its
    /// stored copy (<see cref="StatementComparer"/>); what else the draft set, the checked path sets again.
    /// </summary>
    public void Restore() => Untimed.ForEach(s => s.Remove("timestamp"));
}

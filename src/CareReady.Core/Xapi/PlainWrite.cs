namespace CareReady.Core.Xapi;

/// <summary>
/// A plain group sent to PostgreSQL in one round trip (<see cref="StoreStatements.StartPlain"/>), not yet answered.
/// </summary>
/// <param name="Written">Whether the guard held and the group was committed (false, nothing written, otherwise).</param>
/// <param name="Last">The group's last statement: the store's last once the group is written.</param>
/// <param name="FlushLater">Committed without waiting for the disk: answer the requests after <see cref="StoreStatements.FlushAsync"/> (ADR 0027).</param>
/// <param name="Locked">Done once the group holds PostgreSQL's lock, or has failed: a group sent behind it waits for this.</param>
internal sealed record PlainWrite(List<PendingStatementWrite> Group, Task<bool> Written, LastStatement Last, bool FlushLater, Task Locked);

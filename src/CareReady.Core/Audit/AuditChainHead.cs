namespace CareReady.Core.Audit;

/// <summary>
/// The newest entry of one organisation's chain. Appending locks this row (PostgreSQL: SELECT … FOR
/// UPDATE; SQLite: the database write lock), so concurrent writers extend the chain one at a time.
/// </summary>
public sealed class AuditChainHead
{
    /// <summary>0 stands for the system chain (entries with no organisation).</summary>
    public int ChainId { get; set; }

    public long LastSequence { get; set; }
    public required string LastHash { get; set; }
}

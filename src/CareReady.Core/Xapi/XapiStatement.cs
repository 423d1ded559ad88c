namespace CareReady.Core.Xapi;

/// <summary>
/// One stored xAPI statement. <see cref="Seq"/> is the stored order: assigned by the LRS under a
/// write lock, so it grows with <see cref="Stored"/> and with commit order, which makes it a stable
/// keyset cursor for <c>more</c> paging (see docs/decisions/0016-lrs-statement-storage.md).
/// </summary>
public sealed class XapiStatement
{
    public int OrganisationId { get; set; }

    /// <summary>Stored order, unique across the store, never reused.</summary>
    public long Seq { get; set; }

    public Guid StatementId { get; set; }

    /// <summary>The LRS client that sent it.</summary>
    public int ClientId { get; set; }

    /// <summary>The actor's identifier (see <see cref="AgentKeys"/>); null for an anonymous group.</summary>
    public string? ActorKey { get; set; }

    public required string VerbId { get; set; }

    /// <summary>The object's activity id, when the object is an activity.</summary>
    public string? ActivityId { get; set; }

    public Guid? Registration { get; set; }

    public DateTime Timestamp { get; set; }

    /// <summary>When the LRS stored it (UTC); non-decreasing in <see cref="Seq"/>.</summary>
    public DateTime Stored { get; set; }

    /// <summary>Set when a later voiding statement targets this one.</summary>
    public bool Voided { get; set; }

    /// <summary>For a voiding statement: the statement it voids.</summary>
    public Guid? VoidsStatementId { get; set; }

    /// <summary>
    /// When the object is a StatementRef (a voiding statement's too): the statement it targets, so that a target
    /// arriving after the statements that refer to it can give them its index rows (see <see cref="StatementRefTargets"/>).
    /// </summary>
    public Guid? TargetStatementId { get; set; }

    /// <summary>The statement as stored (id, timestamp, stored, authority and version filled in).</summary>
    public required string Json { get; set; }
}

/// <summary>What an index row of <see cref="XapiStatementRef"/> records.</summary>
public enum XapiRefKind : short
{
    /// <summary>The agent or identified group is the actor or the object (the <c>agent</c> filter).</summary>
    Agent = 1,

    /// <summary>The agent appears elsewhere: authority, instructor, team, context agents, group member, sub-statement (only <c>related_agents</c>).</summary>
    RelatedAgent = 2,

    /// <summary>The activity is the object (the <c>activity</c> filter).</summary>
    Activity = 3,

    /// <summary>The activity appears in context activities or a sub-statement (only <c>related_activities</c>).</summary>
    RelatedActivity = 4,

    /// <summary>The verb of a statement this one targets by StatementRef (the <c>verb</c> filter; see <see cref="StatementRefTargets"/>).</summary>
    Verb = 5,

    /// <summary>The registration of a statement this one targets by StatementRef (the <c>registration</c> filter).</summary>
    Registration = 6,
}

/// <summary>
/// An inverted index row: statement <see cref="Seq"/> mentions agent/activity <see cref="Key"/>.
/// The key (organisation, kind, key, seq) lets a filter read the newest matching statements in order
/// and stop after a page.
/// </summary>
public sealed class XapiStatementRef
{
    public int OrganisationId { get; set; }
    public XapiRefKind Kind { get; set; }

    /// <summary>The agent key, activity IRI, verb or registration, hashed (<see cref="XapiRefKey.Of"/>).</summary>
    public Guid Key { get; set; }
    public long Seq { get; set; }
}

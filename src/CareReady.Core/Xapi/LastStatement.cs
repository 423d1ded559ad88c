namespace CareReady.Core.Xapi;

/// <summary>
/// The last statement in stored order: where the next group's order and stored time follow on, and — its organisation
/// and id as well as its order — what <see cref="PlainGroupWrite"/>'s guard expects to find at the end of the store.
/// </summary>
public readonly record struct LastStatement(long Seq, int OrganisationId, Guid StatementId, DateTime Stored);

using System.Globalization;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Audit;

/// <summary>The first thing wrong with a chain: which entry (when there is one to name) and what.</summary>
public sealed record AuditBreak(long? EntryId, long? Sequence, string Problem);

/// <summary>One chain's result. <see cref="Label"/> is the organisation code, or "system".</summary>
public sealed record AuditChainResult(int? OrganisationId, string Label, long Entries, AuditBreak? Break)
{
    public bool Intact => Break is null;
}

/// <summary>
/// Checks one chain entry by entry, in sequence order: numbering without gaps from 1, each entry
/// linked to the previous one's hash, each hash matching the entry's contents, and at the end the
/// chain head matching the last entry (so deleting the newest entries is noticed too). Stops at the
/// first break. Pure logic: <see cref="VerifyAuditTrail"/> feeds it from the database.
/// </summary>
public sealed class AuditChainCheck
{
    private long _lastSequence;
    private string _lastHash = AuditHasher.Genesis;
    private long? _lastId;

    public long Entries { get; private set; }
    public AuditBreak? Break { get; private set; }

    /// <summary>Checks every entry (given in stored sequence order) and the head.</summary>
    public static AuditBreak? Check(IEnumerable<AuditEntry> entriesInSequenceOrder, AuditChainHead? head)
    {
        ArgumentNullException.ThrowIfNull(entriesInSequenceOrder);
        var check = new AuditChainCheck();
        foreach (var entry in entriesInSequenceOrder)
        {
            check.Add(entry);
        }

        return check.Finish(head);
    }

    public void Add(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Entries++;
        if (Break is not null)
        {
            return;
        }

        var expected = _lastSequence + 1;
        if (entry.Sequence != expected)
        {
            Break = new AuditBreak(entry.Id, entry.Sequence, entry.Sequence > expected
                ? (entry.Sequence == expected + 1
                    ? $"the entry with sequence {N(expected)} before it is missing (deleted)"
                    : $"the entries with sequence {N(expected)} to {N(entry.Sequence - 1)} before it are missing (deleted)")
                : $"its sequence does not follow {N(_lastSequence)} (entries reordered or duplicated)");
        }
        else if (!string.Equals(entry.PreviousHash?.Trim(), _lastHash, StringComparison.Ordinal))
        {
            Break = new AuditBreak(entry.Id, entry.Sequence, _lastId is long previous
                ? $"it does not link to the previous entry {N(previous)} (that entry was changed or replaced)"
                : "it does not link to the start of the chain (earlier entries were replaced)");
        }
        else if (!string.Equals(AuditHasher.Compute(entry), entry.Hash?.Trim(), StringComparison.Ordinal))
        {
            Break = new AuditBreak(entry.Id, entry.Sequence, "hash does not match its contents (the entry was changed)");
        }

        _lastSequence = entry.Sequence;
        _lastHash = entry.Hash?.Trim() ?? "";
        _lastId = entry.Id;
    }

    public AuditBreak? Finish(AuditChainHead? head)
    {
        if (Break is not null)
        {
            return Break;
        }

        if (head is null)
        {
            if (Entries > 0)
            {
                Break = new AuditBreak(_lastId, _lastSequence, "the chain head is missing (it was deleted)");
            }

            return Break;
        }

        if (head.LastSequence == _lastSequence && string.Equals(head.LastHash.Trim(), _lastHash, StringComparison.Ordinal))
        {
            return null;
        }

        Break = head.LastSequence > _lastSequence
            ? new AuditBreak(_lastId, Entries == 0 ? null : _lastSequence, Entries == 0
                ? $"the chain head records {N(head.LastSequence)} entries but none remain (they were deleted)"
                : $"the chain head records sequence {N(head.LastSequence)} but the last entry is {N(_lastSequence)} (the newest entries were deleted)")
            : new AuditBreak(_lastId, _lastSequence, "the chain head does not match the last entry (the head or the entry was changed)");
        return Break;
    }

    private static string N(long value) => value.ToString(CultureInfo.InvariantCulture);
}

/// <summary>
/// <c>careready audit verify</c>: walks every chain (one per organisation, and the system chain) in
/// sequence order, recomputing every hash; reports per chain how many entries and the first break.
/// Streams the entries, so memory does not grow with the trail.
/// </summary>
public sealed class VerifyAuditTrail(AppDbContext db)
{
    public const string SystemLabel = "system";

    public async Task<IReadOnlyList<AuditChainResult>> RunAsync(CancellationToken ct = default)
    {
        var withEntries = await db.AuditEntries.AsNoTracking().Select(e => e.OrganisationId).Distinct().ToListAsync(ct);
        var heads = await db.AuditChainHeads.AsNoTracking().ToDictionaryAsync(h => h.ChainId, ct);
        var chains = withEntries.Select(AuditWriter.ChainOf).Concat(heads.Keys).Distinct().Order().ToList();
        var codes = await db.Organisations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => o.Code, ct);

        var results = new List<AuditChainResult>(chains.Count);
        foreach (var chain in chains)
        {
            int? organisation = chain == AuditWriter.SystemChain ? null : chain;
            var entries = organisation is int id
                ? db.AuditEntries.AsNoTracking().Where(e => e.OrganisationId == id)
                : db.AuditEntries.AsNoTracking().Where(e => e.OrganisationId == null);
            var check = new AuditChainCheck();
            await foreach (var entry in entries.OrderBy(e => e.Sequence).AsAsyncEnumerable().WithCancellation(ct))
            {
                check.Add(entry);
            }

            var label = organisation is int org
                ? codes.GetValueOrDefault(org) ?? "organisation " + org.ToString(CultureInfo.InvariantCulture)
                : SystemLabel;
            results.Add(new AuditChainResult(organisation, label, check.Entries, check.Finish(heads.GetValueOrDefault(chain))));
        }

        return results;
    }
}

using CareReady.Core.Audit;

namespace CareReady.Core.Tests.Audit;

/// <summary>The verifier on in-memory chains: intact, and every kind of tampering it must notice.</summary>
public class AuditChainCheckTests
{
    /// <summary>A correctly sealed chain of <paramref name="count"/> entries (ids 101…) and its head.</summary>
    private static (List<AuditEntry> Entries, AuditChainHead Head) Chain(int count, int? organisation = 5)
    {
        var entries = new List<AuditEntry>();
        var previous = AuditHasher.Genesis;
        for (var i = 1; i <= count; i++)
        {
            var e = new AuditEntry
            {
                Id = 100 + i,
                OrganisationId = organisation,
                Sequence = i,
                At = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc).AddMinutes(i),
                Actor = i % 2 == 0 ? "admin@a.example" : "cli",
                Action = i == 1 ? AuditActions.Created : AuditActions.Updated,
                EntityType = "StaffMember",
                EntityId = "42",
                Before = i == 1 ? null : $$"""{"LastName":"Name{{i - 1}}"}""",
                After = $$"""{"LastName":"Name{{i}}"}""",
                PreviousHash = previous,
                Hash = "",
            };
            e.Hash = AuditHasher.Compute(e);
            previous = e.Hash;
            entries.Add(e);
        }

        return (entries, new AuditChainHead { ChainId = organisation ?? 0, LastSequence = count, LastHash = previous });
    }

    [Fact]
    public void An_untouched_chain_is_intact()
    {
        var (entries, head) = Chain(10);
        Assert.Null(AuditChainCheck.Check(entries, head));
        Assert.Null(AuditChainCheck.Check([], null));
        var (system, systemHead) = Chain(3, organisation: null);
        Assert.Null(AuditChainCheck.Check(system, systemHead));
    }

    [Fact]
    public void Editing_an_entry_names_that_entry()
    {
        var (entries, head) = Chain(10);
        entries[4].After = """{"LastName":"Someone else"}""";

        var broken = AuditChainCheck.Check(entries, head);

        Assert.Equal(105, broken?.EntryId);
        Assert.Equal(5, broken?.Sequence);
        Assert.StartsWith("hash does not match its contents", broken!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Editing_an_entry_and_resealing_it_breaks_the_link_from_the_next()
    {
        var (entries, head) = Chain(10);
        entries[4].Actor = "nobody";
        entries[4].Hash = AuditHasher.Compute(entries[4]);

        var broken = AuditChainCheck.Check(entries, head);

        Assert.Equal((106L, 6L), (broken?.EntryId, broken?.Sequence));
        Assert.Contains("does not link to the previous entry 105", broken!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_an_entry_in_the_middle_names_the_entry_after_the_gap()
    {
        var (entries, head) = Chain(10);
        entries.RemoveAt(4); // sequence 5

        var broken = AuditChainCheck.Check(entries, head);

        Assert.Equal((106L, 6L), (broken?.EntryId, broken?.Sequence));
        Assert.Contains("sequence 5 before it is missing", broken!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_the_first_entry_is_noticed()
    {
        var (entries, head) = Chain(4);
        entries.RemoveAt(0);
        Assert.Equal(102, AuditChainCheck.Check(entries, head)?.EntryId);
    }

    [Fact]
    public void Deleting_and_renumbering_is_noticed()
    {
        var (entries, head) = Chain(6);
        entries.RemoveAt(2);
        for (var i = 2; i < entries.Count; i++)
        {
            entries[i].Sequence--;
        }

        head.LastSequence--;
        var broken = AuditChainCheck.Check(entries, head);
        Assert.Equal(104, broken?.EntryId); // renumbered 4 → 3: it does not link to entry 102
    }

    [Fact]
    public void Deleting_the_newest_entry_is_noticed_through_the_head()
    {
        var (entries, head) = Chain(10);
        entries.RemoveAt(9);

        var broken = AuditChainCheck.Check(entries, head);

        Assert.Equal((109L, 9L), (broken?.EntryId, broken?.Sequence));
        Assert.Contains("head records sequence 10 but the last entry is 9", broken!.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_every_entry_but_not_the_head_is_noticed()
    {
        var (_, head) = Chain(3);
        var broken = AuditChainCheck.Check([], head);
        Assert.NotNull(broken);
        Assert.Null(broken.EntryId);
        Assert.Contains("records 3 entries but none remain", broken.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Deleting_the_head_is_noticed()
    {
        var (entries, _) = Chain(3);
        Assert.Contains("head is missing", AuditChainCheck.Check(entries, null)?.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Reordering_entries_is_noticed()
    {
        var (entries, head) = Chain(10);
        (entries[3], entries[4]) = (entries[4], entries[3]); // stored order no longer follows the sequence
        var broken = AuditChainCheck.Check(entries, head);
        Assert.Equal((105L, 5L), (broken?.EntryId, broken?.Sequence));
        Assert.Contains("sequence 4 before it is missing", broken!.Problem, StringComparison.Ordinal);

        // Swapping their sequence numbers too (so a query by sequence returns them swapped) breaks the hashes.
        (entries, head) = Chain(10);
        (entries[3].Sequence, entries[4].Sequence) = (entries[4].Sequence, entries[3].Sequence);
        broken = AuditChainCheck.Check(entries.OrderBy(e => e.Sequence), head);
        Assert.Equal(105, broken?.EntryId);
    }

    [Fact]
    public void Moving_an_entry_to_another_organisation_is_noticed()
    {
        var (entries, head) = Chain(5);
        entries[2].OrganisationId = 6;
        Assert.Equal(103, AuditChainCheck.Check(entries, head)?.EntryId);
    }
}

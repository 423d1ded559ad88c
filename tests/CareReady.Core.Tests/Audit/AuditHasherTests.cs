using CareReady.Core.Audit;

namespace CareReady.Core.Tests.Audit;

public class AuditHasherTests
{
    internal static AuditEntry Sample() => new()
    {
        Id = 7,
        OrganisationId = 3,
        Sequence = 12,
        At = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc).AddTicks(1230),
        Actor = "compliance@a.example",
        Action = AuditActions.Updated,
        EntityType = "RequirementRule",
        EntityId = "42",
        Before = """{"GraceDays":30}""",
        After = """{"GraceDays":45}""",
        Reason = "Local policy",
        PreviousHash = new string('a', 64),
        Hash = "",
    };

    [Fact]
    public void The_hash_is_hex_sha256_and_the_same_for_the_same_entry()
    {
        var hash = AuditHasher.Compute(Sample());
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, AuditHasher.Compute(Sample()));
    }

    [Fact]
    public void The_hash_does_not_depend_on_the_database_id_the_stored_hash_or_the_timestamp_kind()
    {
        var hash = AuditHasher.Compute(Sample());
        var other = Sample();
        other.Id = 99;
        other.Hash = "whatever";
        other.At = DateTime.SpecifyKind(other.At, DateTimeKind.Unspecified); // as SQLite reads it back
        Assert.Equal(hash, AuditHasher.Compute(other));
    }

    public static TheoryData<string> Fields => new()
    {
        "OrganisationId", "OrganisationId-null", "Sequence", "At", "Actor", "Action", "EntityType", "EntityId",
        "Before", "Before-null", "After", "After-null", "Reason", "Reason-null", "PreviousHash",
    };

    [Theory]
    [MemberData(nameof(Fields))]
    public void Changing_any_field_changes_the_hash(string field)
    {
        var original = AuditHasher.Compute(Sample());
        var e = Sample();
        switch (field)
        {
            case "OrganisationId": e.OrganisationId = 4; break;
            case "OrganisationId-null": e.OrganisationId = null; break;
            case "Sequence": e.Sequence = 13; break;
            case "At": e.At = e.At.AddTicks(10); break;
            case "Actor": e.Actor = "admin@a.example"; break;
            case "Action": e.Action = AuditActions.Created; break;
            case "EntityType": e.EntityType = "StaffMember"; break;
            case "EntityId": e.EntityId = "43"; break;
            case "Before": e.Before = """{"GraceDays":31}"""; break;
            case "Before-null": e.Before = null; break;
            case "After": e.After = """{"GraceDays":46}"""; break;
            case "After-null": e.After = null; break;
            case "Reason": e.Reason = "Local policy."; break;
            case "Reason-null": e.Reason = null; break;
            case "PreviousHash": e.PreviousHash = new string('b', 64); break;
            default: throw new ArgumentOutOfRangeException(nameof(field));
        }

        Assert.NotEqual(original, AuditHasher.Compute(e));
    }

    [Fact]
    public void Moving_text_from_one_field_to_the_next_changes_the_hash()
    {
        // Length-prefixed fields: "ab" + "c" is not "a" + "bc"; null is not "".
        var a = Sample();
        a.Actor = "ab";
        a.Action = "c";
        var b = Sample();
        b.Actor = "a";
        b.Action = "bc";
        Assert.NotEqual(AuditHasher.Compute(a), AuditHasher.Compute(b));

        var empty = Sample();
        empty.Reason = "";
        var none = Sample();
        none.Reason = null;
        Assert.NotEqual(AuditHasher.Compute(empty), AuditHasher.Compute(none));
    }

    [Fact]
    public void The_canonical_form_is_fixed()
    {
        // A change here would break every existing chain: it needs a new version line, not an edit.
        var e = Sample();
        e.Reason = null;
        Assert.Equal(
            "careready-audit-v1\n" +
            "OrganisationId:1:3\n" +
            "Sequence:2:12\n" +
            "At:28:2026-03-02T09:00:00.0001230Z\n" +
            "Actor:20:compliance@a.example\n" +
            "Action:7:updated\n" +
            "EntityType:15:RequirementRule\n" +
            "EntityId:2:42\n" +
            "Before:16:{\"GraceDays\":30}\n" +
            "After:16:{\"GraceDays\":45}\n" +
            "Reason:-\n" +
            "PreviousHash:64:" + new string('a', 64) + "\n",
            AuditHasher.Canonical(e));
    }

    [Fact]
    public void Timestamps_are_kept_to_whole_microseconds_in_utc()
    {
        var at = new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc).AddTicks(1237);
        Assert.Equal(new DateTime(2026, 3, 2, 9, 0, 0, DateTimeKind.Utc).AddTicks(1230), AuditHasher.Normalise(at));
        Assert.Equal(DateTimeKind.Utc, AuditHasher.Normalise(DateTime.SpecifyKind(at, DateTimeKind.Unspecified)).Kind);
        Assert.Equal(new string('0', 64), AuditHasher.Genesis);
    }
}

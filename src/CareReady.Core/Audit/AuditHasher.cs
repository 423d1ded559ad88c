using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CareReady.Core.Audit;

/// <summary>
/// The hash that seals an <see cref="AuditEntry"/> into its chain: hex SHA-256 of a canonical text
/// that names every field in a fixed order with invariant formats.
/// </summary>
/// <remarks>
/// <para>The canonical form is written by hand (not by a JSON serializer) so that it never changes
/// with a library or runtime upgrade: a version line, then one line per field,
/// <c>Name:length:value</c> (length in UTF-16 code units, so a value may contain anything, newlines
/// included), or <c>Name:-</c> for null. Timestamps are UTC in the round-trip format ("O").</para>
/// <para><see cref="AuditEntry.Id"/> is not part of it: the database assigns it on insert. An entry's
/// place is its (organisation, sequence), and both are hashed.</para>
/// </remarks>
public static class AuditHasher
{
    /// <summary>The <see cref="AuditEntry.PreviousHash"/> of the first entry of every chain.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string Version = "careready-audit-v1";

    public static string Compute(AuditEntry entry) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Canonical(entry))));

    public static string Canonical(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var text = new StringBuilder(256 + (entry.Before?.Length ?? 0) + (entry.After?.Length ?? 0));
        text.Append(Version).Append('\n');
        Field(text, "OrganisationId", entry.OrganisationId?.ToString(CultureInfo.InvariantCulture));
        Field(text, "Sequence", entry.Sequence.ToString(CultureInfo.InvariantCulture));
        Field(text, "At", Utc(entry.At).ToString("O", CultureInfo.InvariantCulture));
        Field(text, "Actor", entry.Actor);
        Field(text, "Action", entry.Action);
        Field(text, "EntityType", entry.EntityType);
        Field(text, "EntityId", entry.EntityId);
        Field(text, "Before", entry.Before);
        Field(text, "After", entry.After);
        Field(text, "Reason", entry.Reason);
        Field(text, "PreviousHash", entry.PreviousHash);
        return text.ToString();
    }

    /// <summary>
    /// The form in which a timestamp is stored and hashed: UTC, whole microseconds (PostgreSQL keeps
    /// microseconds, SQLite keeps whatever it is given; both then read back exactly this value).
    /// </summary>
    public static DateTime Normalise(DateTime at)
    {
        var utc = Utc(at);
        return new DateTime(utc.Ticks - (utc.Ticks % 10), DateTimeKind.Utc);
    }

    /// <summary>SQLite reads timestamps back without a kind; they were written as UTC.</summary>
    private static DateTime Utc(DateTime at) => at.Kind switch
    {
        DateTimeKind.Utc => at,
        DateTimeKind.Local => at.ToUniversalTime(),
        _ => DateTime.SpecifyKind(at, DateTimeKind.Utc),
    };

    private static void Field(StringBuilder text, string name, string? value)
    {
        text.Append(name).Append(':');
        if (value is null)
        {
            text.Append('-');
        }
        else
        {
            text.Append(value.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(value);
        }

        text.Append('\n');
    }
}

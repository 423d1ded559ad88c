using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;

namespace CareReady.Core.Audit;

/// <summary>
/// Writes the <see cref="AuditEntry.Before"/> / <see cref="AuditEntry.After"/> JSON: one object, a
/// property per field, in the order given. Values keep their JSON type where there is one (numbers,
/// true/false, null); dates are ISO 8601, timestamps UTC round-trip, enums their name, and file
/// contents (byte arrays) are never stored: only their size and SHA-256.
/// </summary>
public static class AuditJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Names with accents stay readable in the stored text; HTML-sensitive characters are still escaped.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
    };

    /// <summary>JSON object of the given fields, e.g. for a summary entry's counts.</summary>
    public static string Object(IEnumerable<KeyValuePair<string, object?>> fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in fields)
            {
                writer.WritePropertyName(name);
                WriteValue(writer, value);
            }

            writer.WriteEndObject();
        }

        return System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string s:
                writer.WriteStringValue(s);
                break;
            case bool b:
                writer.WriteBooleanValue(b);
                break;
            case int i:
                writer.WriteNumberValue(i);
                break;
            case long l:
                writer.WriteNumberValue(l);
                break;
            case short sh:
                writer.WriteNumberValue(sh);
                break;
            case decimal d:
                writer.WriteNumberValue(d);
                break;
            case double db:
                writer.WriteNumberValue(db);
                break;
            case float f:
                writer.WriteNumberValue(f);
                break;
            case DateOnly date:
                writer.WriteStringValue(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                break;
            case DateTime at:
                var utc = at.Kind == DateTimeKind.Unspecified ? DateTime.SpecifyKind(at, DateTimeKind.Utc) : at.ToUniversalTime();
                writer.WriteStringValue(utc.ToString("O", CultureInfo.InvariantCulture));
                break;
            case DateTimeOffset offset:
                writer.WriteStringValue(offset.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
                break;
            case Enum e:
                writer.WriteStringValue(e.ToString());
                break;
            case byte[] bytes:
                writer.WriteStartObject();
                writer.WriteNumber("size", bytes.Length);
                writer.WriteString("sha256", Convert.ToHexStringLower(SHA256.HashData(bytes)));
                writer.WriteEndObject();
                break;
            case IFormattable formattable:
                writer.WriteStringValue(formattable.ToString(null, CultureInfo.InvariantCulture));
                break;
            default:
                writer.WriteStringValue(value.ToString());
                break;
        }
    }
}

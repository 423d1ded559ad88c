using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareReady.Core.Xapi;

/// <summary>
/// Everything of a plain statement's rows that does not depend on where it lands in the store — its columns, its index
/// rows' keys, its JSON as stored but for the stored time (and the timestamp, when it came without one) — made where the
/// request arrives, on the request's own thread, so that the one writer (<see cref="StatementWriter"/>, whose work is
/// serial) only numbers the rows and adds the stored time (ADR 0028). The statement itself is left as it came: should
/// the group take the checked path, that path drafts it afresh.
/// </summary>
internal sealed class StatementDraft
{
    private StatementDraft(string head, bool untimed, DateTime timestamp, string? actorKey, string verbId, string? activityId, Guid? registration, List<(XapiRefKind, Guid)> refs,
        bool completes)
    {
        Completes = completes ? activityId : null;
        _head = head;
        _untimed = untimed;
        _timestamp = timestamp;
        _actorKey = actorKey;
        _verbId = verbId;
        _activityId = activityId;
        _registration = registration;
        _refs = refs;
    }

    private readonly string _head;
    private readonly bool _untimed;
    private readonly DateTime _timestamp;
    private readonly string? _actorKey;
    private readonly string _verbId;
    private readonly string? _activityId;
    private readonly Guid? _registration;
    private readonly List<(XapiRefKind Kind, Guid Key)> _refs;

    /// <summary>The activity the statement says was passed or completed (<see cref="RecordXapiCompletions.Counts"/>), if any.</summary>
    public string? Completes { get; }

    /// <summary>
    /// Whether a statement can be drafted ahead on the request's thread: one of a plain group (<see cref="PlainGroupWrite.Fits"/>) — not voiding,
    /// not a StatementRef, in a request without attachment parts.
    /// </summary>
    public static bool Applies(PreparedStatement p) => p.Voids is null && StatementRefTargets.Target(p.Statement) is null;

    /// <summary>Drafts a validated statement as <paramref name="authority"/> will store it under <paramref name="version"/>.</summary>
    public static StatementDraft Of(PreparedStatement p, JsonObject authority, XapiVersion version)
    {
        var s = p.Statement;
        var untimed = s["timestamp"] is null;

        // The stored JSON is the statement's properties in order, the LRS's authority in place of any sent (at the end),
        // the version when it came without one, then — added by the writer — the timestamp if missing and the stored time.
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            foreach (var (name, value) in s)
            {
                if (name is "stored" or "authority")
                {
                    continue;
                }

                json.WritePropertyName(name);
                if (value is null)
                {
                    json.WriteNullValue();
                }
                else
                {
                    value.WriteTo(json);
                }
            }

            json.WritePropertyName("authority");
            authority.WriteTo(json);
            if (s["version"] is null)
            {
                json.WriteString("version", VersionText(version));
            }
        }

        var refs = new List<(XapiRefKind, Guid)>();
        foreach (var (kind, key) in StatementRefs.Of(s, authority))
        {
            refs.Add((kind, XapiRefKey.Of(key)));
        }

        var obj = s["object"]!.AsObject();
        return new StatementDraft(
            Encoding.UTF8.GetString(buffer.WrittenSpan), // no closing brace yet
            untimed,
            untimed ? default : StatementValidator.Timestamp(s["timestamp"]!, p.Path + ".timestamp").UtcDateTime,
            AgentKeys.Of(s["actor"]),
            s["verb"]!["id"]!.GetValue<string>(),
            StatementRefs.TypeOf(obj) == "Activity" ? obj["id"]!.GetValue<string>() : null,
            s["context"]?["registration"] is JsonValue r ? Guid.Parse(r.GetValue<string>()) : null,
            refs,
            RecordXapiCompletions.Counts(s));
    }

    /// <summary>The <c>version</c> the LRS gives a statement sent without one.</summary>
    public static string VersionText(XapiVersion version) => version == XapiVersion.V200 ? "2.0.0" : "1.0.0";

    /// <summary>The statement's row at <paramref name="seq"/>, stored at <paramref name="stored"/>, and its index rows added to <paramref name="refs"/>.</summary>
    /// <param name="storedText">The stored time as the JSON gives it.</param>
    public XapiStatement Row(int organisationId, long seq, Guid id, int clientId, DateTime stored, string storedText, List<XapiStatementRef> refs)
    {
        foreach (var (kind, key) in _refs)
        {
            refs.Add(new XapiStatementRef { OrganisationId = organisationId, Kind = kind, Key = key, Seq = seq });
        }

        return new XapiStatement
        {
            OrganisationId = organisationId,
            Seq = seq,
            StatementId = id,
            ClientId = clientId,
            ActorKey = _actorKey,
            VerbId = _verbId,
            ActivityId = _activityId,
            Registration = _registration,
            Timestamp = _untimed ? new DateTime(stored.Ticks - (stored.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc) : _timestamp, // as the JSON gives it
            Stored = stored,
            Json = _untimed
                ? string.Concat(_head, ",\"timestamp\":\"", storedText, "\",\"stored\":\"", storedText, "\"}")
                : string.Concat(_head, ",\"stored\":\"", storedText, "\"}"),
        };
    }
}

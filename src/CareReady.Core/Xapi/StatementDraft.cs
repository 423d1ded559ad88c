using System.Text.Json.Nodes;

namespace CareReady.Core.Xapi;

/// <summary>
/// What is stored of a statement, made on the request's own thread before it waits for the writer: the JSON text (with
/// the authority and version the LRS sets), the columns and the hashed index rows. The one writer (ADR 0022) then only
/// adds what depends on the store — the stored time, and the timestamp when the statement has none, appended to the
/// text, and the stored order — so the serialisation and hashing no longer hold up every other request (ADR 0024).
/// </summary>
public sealed class StatementDraft
{
    private StatementDraft(string head, DateTime? timestamp, string? actorKey, string verbId, string? activityId, Guid? registration, Guid? target,
        IReadOnlyList<(XapiRefKind Kind, Guid Key)> refs)
    {
        _head = head;
        Timestamp = timestamp;
        ActorKey = actorKey;
        VerbId = verbId;
        ActivityId = activityId;
        Registration = registration;
        Target = target;
        Refs = refs;
    }

    /// <summary>The statement's JSON without its closing brace, and without <c>stored</c> (and <c>timestamp</c> when it has none).</summary>
    private readonly string _head;

    /// <summary>The statement's own timestamp (UTC), or null when the LRS sets it to the stored time.</summary>
    public DateTime? Timestamp { get; }

    public string? ActorKey { get; }
    public string VerbId { get; }
    public string? ActivityId { get; }
    public Guid? Registration { get; }
    public Guid? Target { get; }

    /// <summary>The index rows (kind, hashed key) the statement itself is found by; inherited ones are added when it is stored.</summary>
    public IReadOnlyList<(XapiRefKind Kind, Guid Key)> Refs { get; }

    /// <summary>
    /// Sets what the LRS sets before storing (authority, version; a <c>stored</c> sent by the client goes) on
    /// <paramref name="statement"/>, a validated statement with its id, and drafts it.
    /// </summary>
    public static StatementDraft Of(JsonObject statement, JsonObject authority, XapiVersion version, string path)
    {
        statement.Remove("stored");
        statement["authority"] = authority;
        statement["version"] ??= version == XapiVersion.V200 ? "2.0.0" : "1.0.0";
        DateTime? timestamp = statement["timestamp"] is { } t ? StatementValidator.Timestamp(t, path + ".timestamp").UtcDateTime : null;
        var json = statement.ToJsonString();
        var obj = statement["object"]!.AsObject();
        var refs = StatementRefs.Of(statement).Select(r => (r.Kind, XapiRefKey.Of(r.Key))).ToList();
        return new StatementDraft(json[..^1], timestamp, AgentKeys.Of(statement["actor"]), statement["verb"]!["id"]!.GetValue<string>(),
            StatementRefs.TypeOf(obj) == "Activity" ? obj["id"]!.GetValue<string>() : null,
            statement["context"]?["registration"] is JsonValue r ? Guid.Parse(r.GetValue<string>()) : null,
            StatementRefTargets.Target(statement), refs);
    }

    /// <summary>The JSON as stored: the draft with <c>stored</c> (and the missing <c>timestamp</c>) set to <paramref name="storedText"/>.</summary>
    public string Json(string storedText) =>
        Timestamp is null
            ? string.Concat(_head, ",\"timestamp\":\"", storedText, "\",\"stored\":\"", storedText, "\"}")
            : string.Concat(_head, ",\"stored\":\"", storedText, "\"}");
}

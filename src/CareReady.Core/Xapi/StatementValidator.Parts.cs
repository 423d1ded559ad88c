using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CareReady.Core.Xapi;

public static partial class StatementValidator
{
    private static void Result(JsonNode node, string path)
    {
        var r = Object(node, path);
        Keys(r, path, ["score", "success", "completion", "response", "duration", "extensions"]);
        if (r["score"] is { } scoreNode)
        {
            var score = Object(scoreNode, path + ".score");
            Keys(score, path + ".score", ["scaled", "raw", "min", "max"]);
            double? scaled = score["scaled"] is { } s ? Number(s, path + ".score.scaled") : null;
            double? raw = score["raw"] is { } rw ? Number(rw, path + ".score.raw") : null;
            double? min = score["min"] is { } mn ? Number(mn, path + ".score.min") : null;
            double? max = score["max"] is { } mx ? Number(mx, path + ".score.max") : null;
            if (scaled is < -1 or > 1)
            {
                throw Bad(path + ".score.scaled", $"must be between -1 and 1, got {scaled.Value.ToString(CultureInfo.InvariantCulture)}");
            }

            if (min is not null && max is not null && min > max)
            {
                throw Bad(path + ".score.min", "must not be greater than score.max");
            }

            if (raw is not null && (raw < min || raw > max))
            {
                throw Bad(path + ".score.raw", "must lie between score.min and score.max");
            }
        }

        if (r["success"] is { } success)
        {
            Boolean(success, path + ".success");
        }

        if (r["completion"] is { } completion)
        {
            Boolean(completion, path + ".completion");
        }

        if (r["response"] is { } response)
        {
            String(response, path + ".response");
        }

        if (r["duration"] is { } duration)
        {
            var text = String(duration, path + ".duration");
            if (!DurationPattern().IsMatch(text) || text.EndsWith('T') || text == "P")
            {
                throw Bad(path + ".duration", $"expected an ISO 8601 duration such as \"PT1H30M\", got \"{text}\"");
            }
        }

        Optional(r, "extensions", path, Extensions);
    }

    private static void Context(JsonNode node, string path, string objectType, XapiVersion version)
    {
        var c = Object(node, path);
        var allowed = new HashSet<string> { "registration", "instructor", "team", "contextActivities", "revision", "platform", "language", "statement", "extensions" };
        if (version == XapiVersion.V200)
        {
            allowed.Add("contextAgents");
            allowed.Add("contextGroups");
        }

        Keys(c, path, allowed);
        if (c["registration"] is { } registration)
        {
            Uuid(registration, path + ".registration");
        }

        if (c["instructor"] is { } instructor)
        {
            Actor(instructor, path + ".instructor", version);
        }

        if (c["team"] is { } team)
        {
            var t = Object(team, path + ".team");
            if (t["objectType"] is not JsonValue tv || tv.GetValueKind() != JsonValueKind.String || tv.GetValue<string>() != "Group")
            {
                throw Bad(path + ".team.objectType", "the team must be a Group (objectType \"Group\")");
            }

            Group(t, path + ".team", version);
        }

        if (objectType is not "Activity" && (c.ContainsKey("revision") || c.ContainsKey("platform")))
        {
            throw Bad(path + (c.ContainsKey("revision") ? ".revision" : ".platform"), "revision and platform may only be used when the statement's object is an Activity");
        }

        if (c["revision"] is { } revision)
        {
            String(revision, path + ".revision");
        }

        if (c["platform"] is { } platform)
        {
            String(platform, path + ".platform");
        }

        if (c["language"] is { } language)
        {
            var text = String(language, path + ".language");
            if (!LanguageTagPattern().IsMatch(text))
            {
                throw Bad(path + ".language", $"expected an RFC 5646 language tag such as \"en-GB\", got \"{text}\"");
            }
        }

        if (c["statement"] is { } statementRef)
        {
            var s = Object(statementRef, path + ".statement");
            Keys(s, path + ".statement", ["objectType", "id"]);
            if (s["objectType"] is not JsonValue sv || sv.GetValueKind() != JsonValueKind.String || sv.GetValue<string>() != "StatementRef")
            {
                throw Bad(path + ".statement.objectType", "expected \"StatementRef\"");
            }

            Uuid(Required(s, "id", path + ".statement"), path + ".statement.id");
        }

        if (c["contextActivities"] is { } activitiesNode)
        {
            var activities = Object(activitiesNode, path + ".contextActivities");
            Keys(activities, path + ".contextActivities", ["parent", "grouping", "category", "other"]);
            foreach (var (key, value) in activities)
            {
                var itemPath = path + ".contextActivities." + key;
                if (value is JsonArray list)
                {
                    for (var i = 0; i < list.Count; i++)
                    {
                        ContextActivity(list[i], $"{itemPath}[{i}]");
                    }
                }
                else
                {
                    ContextActivity(value!, itemPath);
                }
            }
        }

        if (c["contextAgents"] is { } contextAgents)
        {
            var list = Array(contextAgents, path + ".contextAgents");
            for (var i = 0; i < list.Count; i++)
            {
                var itemPath = $"{path}.contextAgents[{i}]";
                var item = Object(list[i], itemPath);
                Keys(item, itemPath, ["objectType", "agent", "relevantTypes"]);
                if (item["objectType"] is not JsonValue ov || ov.GetValueKind() != JsonValueKind.String || ov.GetValue<string>() != "contextAgent")
                {
                    throw Bad(itemPath + ".objectType", "expected \"contextAgent\"");
                }

                Agent(Object(Required(item, "agent", itemPath), itemPath + ".agent"), itemPath + ".agent");
                RelevantTypes(item, itemPath);
            }
        }

        if (c["contextGroups"] is { } contextGroups)
        {
            var list = Array(contextGroups, path + ".contextGroups");
            for (var i = 0; i < list.Count; i++)
            {
                var itemPath = $"{path}.contextGroups[{i}]";
                var item = Object(list[i], itemPath);
                Keys(item, itemPath, ["objectType", "group", "relevantTypes"]);
                if (item["objectType"] is not JsonValue ov || ov.GetValueKind() != JsonValueKind.String || ov.GetValue<string>() != "contextGroup")
                {
                    throw Bad(itemPath + ".objectType", "expected \"contextGroup\"");
                }

                var group = Object(Required(item, "group", itemPath), itemPath + ".group");
                if (group["objectType"] is not JsonValue gv || gv.GetValueKind() != JsonValueKind.String || gv.GetValue<string>() != "Group")
                {
                    throw Bad(itemPath + ".group.objectType", "expected \"Group\"");
                }

                Group(group, itemPath + ".group", version);
                RelevantTypes(item, itemPath);
            }
        }

        Optional(c, "extensions", path, Extensions);
    }

    private static void RelevantTypes(JsonObject item, string path)
    {
        if (item["relevantTypes"] is not { } typesNode)
        {
            return;
        }

        var types = Array(typesNode, path + ".relevantTypes");
        if (types.Count == 0)
        {
            throw Bad(path + ".relevantTypes", "must list at least one IRI when present");
        }

        for (var i = 0; i < types.Count; i++)
        {
            Iri(types[i], $"{path}.relevantTypes[{i}]");
        }
    }

    private static void ContextActivity(JsonNode? node, string path)
    {
        var o = Object(node, path);
        if (o["objectType"] is { } t && String(t, path + ".objectType") != "Activity")
        {
            throw Bad(path + ".objectType", "context activities must be Activities");
        }

        Activity(o, path);
    }

    private static void Authority(JsonNode node, string path, XapiVersion version)
    {
        var o = Object(node, path);
        var type = o["objectType"] is { } t ? String(t, path + ".objectType") : "Agent";
        if (type == "Group")
        {
            Group(o, path, version);
            var members = o["member"] as JsonArray;
            if (o.Any(p => p.Key is "mbox" or "mbox_sha1sum" or "openid" or "account") || members is null || members.Count != 2)
            {
                throw Bad(path, "an authority that is a Group must be an anonymous group of exactly two agents (an OAuth consumer and a user)");
            }
        }
        else
        {
            Actor(o, path, version);
        }
    }

    private static void Attachments(JsonNode node, string path)
    {
        var list = Array(node, path);
        for (var i = 0; i < list.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var a = Object(list[i], itemPath);
            Keys(a, itemPath, ["usageType", "display", "description", "contentType", "length", "sha2", "fileUrl"]);
            Iri(Required(a, "usageType", itemPath), itemPath + ".usageType");
            LanguageMap(Required(a, "display", itemPath), itemPath + ".display");
            Optional(a, "description", itemPath, LanguageMap);
            var contentType = String(Required(a, "contentType", itemPath), itemPath + ".contentType");
            if (!contentType.Contains('/', StringComparison.Ordinal))
            {
                throw Bad(itemPath + ".contentType", $"expected an Internet media type such as \"application/pdf\", got \"{contentType}\"");
            }

            var length = Required(a, "length", itemPath);
            if (length is not JsonValue lv || lv.GetValueKind() != JsonValueKind.Number || !lv.TryGetValue<long>(out var n) || n < 0)
            {
                throw Bad(itemPath + ".length", "expected a whole number of octets");
            }

            var sha2 = String(Required(a, "sha2", itemPath), itemPath + ".sha2");
            if (!Sha2Pattern().IsMatch(sha2))
            {
                throw Bad(itemPath + ".sha2", "expected a SHA-2 hash in hexadecimal (56, 64, 96 or 128 characters)");
            }

            if (a["fileUrl"] is { } fileUrl)
            {
                Iri(fileUrl, itemPath + ".fileUrl");
            }
        }
    }

    /// <summary>ISO 8601 date-time; the offset "-00:00" is refused (RFC 3339: unknown offset).</summary>
    public static DateTimeOffset Timestamp(JsonNode node, string path)
    {
        var text = String(node, path);
        if (!TimestampPattern().IsMatch(text) || text.EndsWith("-00:00", StringComparison.Ordinal) || text.EndsWith("-0000", StringComparison.Ordinal) || text.EndsWith("-00", StringComparison.Ordinal)
            || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            throw Bad(path, $"expected an ISO 8601 date and time such as \"2026-03-02T09:00:00.000Z\", got \"{text}\"");
        }

        return value;
    }

    private static void Extensions(JsonNode node, string path)
    {
        var o = Object(node, path);
        foreach (var (key, _) in o)
        {
            if (!IriPattern().IsMatch(key))
            {
                throw Bad(path, $"extension keys must be IRIs; \"{key}\" is not");
            }
        }
    }

    private static void LanguageMap(JsonNode node, string path)
    {
        var o = Object(node, path);
        foreach (var (key, value) in o)
        {
            if (!LanguageTagPattern().IsMatch(key))
            {
                throw Bad(path, $"language map keys must be RFC 5646 language tags; \"{key}\" is not");
            }

            String(value, path + "." + key);
        }
    }

    private static void Keys(JsonObject o, string path, HashSet<string> allowed)
    {
        foreach (var (key, value) in o)
        {
            if (!allowed.Contains(key))
            {
                var hint = allowed.FirstOrDefault(a => string.Equals(a, key, StringComparison.OrdinalIgnoreCase));
                throw Bad(path + "." + key, hint is null
                    ? "is not a property allowed here (allowed: " + string.Join(", ", allowed) + ")"
                    : $"property names are case-sensitive; did you mean \"{hint}\"?");
            }

            if (value is null)
            {
                throw Bad(path + "." + key, "must not be null (leave the property out instead)");
            }
        }
    }

    private static JsonNode Required(JsonObject o, string key, string path) =>
        o[key] ?? throw Bad(path + "." + key, o.ContainsKey(key) ? "must not be null" : "is required");

    private static void Optional(JsonObject o, string key, string path, Action<JsonNode, string> check)
    {
        if (o[key] is { } value)
        {
            check(value, path + "." + key);
        }
    }

    private static JsonObject Object(JsonNode? node, string path) =>
        node as JsonObject ?? throw Bad(path, "expected a JSON object, got " + Kind(node));

    private static JsonArray Array(JsonNode? node, string path) =>
        node as JsonArray ?? throw Bad(path, "expected a JSON array, got " + Kind(node));

    private static string String(JsonNode? node, string path) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : throw Bad(path, "expected a string, got " + Kind(node));

    private static bool Boolean(JsonNode node, string path) =>
        node is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? v.GetValue<bool>() : throw Bad(path, "expected true or false, got " + Kind(node));

    private static double Number(JsonNode node, string path) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? v.GetValue<double>() : throw Bad(path, "expected a number, got " + Kind(node));

    private static string Iri(JsonNode? node, string path)
    {
        var text = String(node, path);
        if (text.Length > MaxIriLength)
        {
            throw Bad(path, $"IRIs longer than {MaxIriLength} characters are not accepted by this LRS");
        }

        if (!IriPattern().IsMatch(text))
        {
            throw Bad(path, $"expected an absolute IRI with a scheme (e.g. \"https://…\"), got \"{text}\"");
        }

        return text;
    }

    private static Guid Uuid(JsonNode node, string path)
    {
        var text = String(node, path);
        if (!UuidPattern().IsMatch(text) || !Guid.TryParse(text, out var id))
        {
            throw Bad(path, $"expected a UUID such as \"f0a8c4de-1b2c-4d5e-8f90-123456789abc\", got \"{text}\"");
        }

        return id;
    }

    private static string Kind(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "an object",
        JsonArray => "an array",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            _ => "a value",
        },
        _ => "a value",
    };

    private static XapiException Bad(string path, string message) => XapiException.BadRequest(path + ": " + message);

    [GeneratedRegex(@"^(1\.0(\.\d+)?|2\.0(\.\d+)?)$")]
    private static partial Regex VersionPattern();

    [GeneratedRegex(@"^mailto:[^@\s]+@[^@\s]+$")]
    private static partial Regex MailtoPattern();

    [GeneratedRegex("^[0-9a-fA-F]{40}$")]
    private static partial Regex Sha1Pattern();

    [GeneratedRegex("^([0-9a-fA-F]{56}|[0-9a-fA-F]{64}|[0-9a-fA-F]{96}|[0-9a-fA-F]{128})$")]
    private static partial Regex Sha2Pattern();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:\S+$")]
    private static partial Regex IriPattern();

    [GeneratedRegex("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")]
    private static partial Regex UuidPattern();

    [GeneratedRegex(@"^([A-Za-z]{2,3}(-[A-Za-z]{3}){0,3}|[A-Za-z]{4,8})(-[A-Za-z]{4})?(-([A-Za-z]{2}|[0-9]{3}))?(-([A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*(-[0-9A-WY-Za-wy-z](-[A-Za-z0-9]{2,8})+)*(-x(-[A-Za-z0-9]{1,8})+)?$|^x(-[A-Za-z0-9]{1,8})+$|^und$")]
    private static partial Regex LanguageTagPattern();

    [GeneratedRegex(@"^P(\d+(\.\d+)?Y)?(\d+(\.\d+)?M)?(\d+(\.\d+)?W)?(\d+(\.\d+)?D)?(T(\d+(\.\d+)?H)?(\d+(\.\d+)?M)?(\d+(\.\d+)?S)?)?$")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+\-]\d{2}(:?\d{2})?)?$")]
    private static partial Regex TimestampPattern();
}

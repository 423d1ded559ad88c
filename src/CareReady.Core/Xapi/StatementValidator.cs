using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace CareReady.Core.Xapi;

/// <summary>
/// Checks a statement against the MUST / MUST NOT rules of xAPI 1.0.3 and 2.0 (Data section): allowed
/// and required properties with their exact case, types, formats (UUID, IRI, mailto, ISO 8601
/// timestamp and duration, RFC 5646 language tags, SHA-1/SHA-2), nulls outside extensions, the
/// actor/group/object rules, voiding and sub-statements. The first violation throws an
/// <see cref="XapiException"/> (400) naming the property path, e.g. <c>statements[2].actor.mbox</c>.
/// </summary>
public static partial class StatementValidator
{
    public const string VoidedVerb = "http://adlnet.gov/expapi/verbs/voided";
    private const int MaxIriLength = 2048;

    private static readonly HashSet<string> StatementKeys = ["id", "actor", "verb", "object", "result", "context", "timestamp", "stored", "authority", "version", "attachments"];
    private static readonly HashSet<string> SubStatementKeys = ["objectType", "actor", "verb", "object", "result", "context", "timestamp", "attachments"];
    private static readonly HashSet<string> AgentKeysAllowed = ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account"];
    private static readonly HashSet<string> GroupKeysAllowed = ["objectType", "name", "mbox", "mbox_sha1sum", "openid", "account", "member"];
    private static readonly HashSet<string> InteractionTypes = ["true-false", "choice", "fill-in", "long-fill-in", "matching", "performance", "sequencing", "likert", "numeric", "other"];

    public static void Validate(JsonNode? node, string path, XapiVersion version)
    {
        var statement = Object(node, path);
        Keys(statement, path, StatementKeys);
        if (statement["id"] is { } id)
        {
            Uuid(id, path + ".id");
        }

        var (verbId, objectType) = ActorVerbObject(statement, path, version, allowSubStatement: true);
        if (verbId == VoidedVerb && objectType != "StatementRef")
        {
            throw Bad(path + ".object", "a statement with the verb " + VoidedVerb + " voids another statement, so its object must be a StatementRef");
        }

        ResultContextTimestamp(statement, path, objectType, version);
        if (statement["stored"] is { } stored)
        {
            Timestamp(stored, path + ".stored");
        }

        if (statement["authority"] is { } authority)
        {
            Authority(authority, path + ".authority", version);
        }

        if (statement["version"] is { } v)
        {
            var text = String(v, path + ".version");
            if (!VersionPattern().IsMatch(text))
            {
                throw Bad(path + ".version", $"expected a version starting \"1.0.\" or \"2.0.\", got \"{text}\"");
            }
        }

        if (statement["attachments"] is { } attachments)
        {
            Attachments(attachments, path + ".attachments");
        }
    }

    private static void SubStatement(JsonObject sub, string path, XapiVersion version)
    {
        foreach (var forbidden in new[] { "id", "stored", "version", "authority" })
        {
            if (sub.ContainsKey(forbidden))
            {
                throw Bad(path + "." + forbidden, "a SubStatement must not have " + forbidden);
            }
        }

        Keys(sub, path, SubStatementKeys);
        var (_, objectType) = ActorVerbObject(sub, path, version, allowSubStatement: false);
        ResultContextTimestamp(sub, path, objectType, version);
        if (sub["attachments"] is { } attachments)
        {
            Attachments(attachments, path + ".attachments");
        }
    }

    /// <summary>The parts a statement and a SubStatement share, first: actor, verb (its id returned) and object (its type returned).</summary>
    private static (string VerbId, string ObjectType) ActorVerbObject(JsonObject statement, string path, XapiVersion version, bool allowSubStatement)
    {
        Actor(Required(statement, "actor", path), path + ".actor", version);
        var verbId = Verb(Required(statement, "verb", path), path + ".verb");
        return (verbId, StatementObject(Required(statement, "object", path), path + ".object", version, allowSubStatement));
    }

    /// <summary>The parts a statement and a SubStatement share, then: result, context (rules depend on the object's type) and timestamp.</summary>
    private static void ResultContextTimestamp(JsonObject statement, string path, string objectType, XapiVersion version)
    {
        Optional(statement, "result", path, Result);
        if (statement["context"] is { } context)
        {
            Context(context, path + ".context", objectType, version);
        }

        if (statement["timestamp"] is { } timestamp)
        {
            Timestamp(timestamp, path + ".timestamp");
        }
    }

    /// <summary>An Agent or a Group (objectType decides).</summary>
    public static void Actor(JsonNode node, string path, XapiVersion version)
    {
        var o = Object(node, path);
        var type = o["objectType"] is { } t ? String(t, path + ".objectType") : "Agent";
        switch (type)
        {
            case "Agent":
                Agent(o, path);
                break;
            case "Group":
                Group(o, path, version);
                break;
            default:
                throw Bad(path + ".objectType", $"expected \"Agent\" or \"Group\", got \"{type}\"");
        }
    }

    internal static void Agent(JsonObject o, string path)
    {
        Keys(o, path, AgentKeysAllowed);
        if (o["objectType"] is { } t && String(t, path + ".objectType") != "Agent")
        {
            throw Bad(path + ".objectType", "expected \"Agent\"");
        }

        if (o["name"] is { } name)
        {
            String(name, path + ".name");
        }

        var count = Identifiers(o, path);
        if (count != 1)
        {
            throw Bad(path, count == 0
                ? "an Agent needs exactly one identifier (mbox, mbox_sha1sum, openid or account); it has none"
                : "an Agent needs exactly one identifier (mbox, mbox_sha1sum, openid or account); it has " + count);
        }
    }

    private static void Group(JsonObject o, string path, XapiVersion version)
    {
        Keys(o, path, GroupKeysAllowed);
        if (o["name"] is { } name)
        {
            String(name, path + ".name");
        }

        var count = Identifiers(o, path);
        if (count > 1)
        {
            throw Bad(path, "a Group may have at most one identifier (mbox, mbox_sha1sum, openid or account); it has " + count);
        }

        if (o["member"] is { } members)
        {
            var list = Array(members, path + ".member");
            for (var i = 0; i < list.Count; i++)
            {
                var memberPath = $"{path}.member[{i}]";
                var member = Object(list[i], memberPath);
                if (member["objectType"] is { } mt && String(mt, memberPath + ".objectType") == "Group")
                {
                    throw Bad(memberPath + ".objectType", "a Group's members must be Agents, not Groups");
                }

                Agent(member, memberPath);
            }

            if (count == 0 && list.Count == 0)
            {
                throw Bad(path + ".member", "an anonymous Group (no identifier) must list at least one member");
            }
        }
        else if (count == 0)
        {
            throw Bad(path, "an anonymous Group (no identifier) must have a member list");
        }
    }

    private static int Identifiers(JsonObject o, string path)
    {
        var count = 0;
        if (o["mbox"] is { } mbox)
        {
            count++;
            var text = String(mbox, path + ".mbox");
            if (!MailtoPattern().IsMatch(text))
            {
                throw Bad(path + ".mbox", $"expected a \"mailto:\" IRI with an email address, got \"{text}\"");
            }
        }

        if (o["mbox_sha1sum"] is { } sha)
        {
            count++;
            var text = String(sha, path + ".mbox_sha1sum");
            if (!Sha1Pattern().IsMatch(text))
            {
                throw Bad(path + ".mbox_sha1sum", $"expected 40 hexadecimal characters (SHA-1), got \"{text}\"");
            }
        }

        if (o["openid"] is { } openid)
        {
            count++;
            Iri(openid, path + ".openid");
        }

        if (o["account"] is { } accountNode)
        {
            count++;
            var account = Object(accountNode, path + ".account");
            Keys(account, path + ".account", ["homePage", "name"]);
            Iri(Required(account, "homePage", path + ".account"), path + ".account.homePage");
            String(Required(account, "name", path + ".account"), path + ".account.name");
        }

        return count;
    }

    private static string Verb(JsonNode node, string path)
    {
        var verb = Object(node, path);
        Keys(verb, path, ["id", "display"]);
        var id = Iri(Required(verb, "id", path), path + ".id");
        if (verb["display"] is { } display)
        {
            LanguageMap(display, path + ".display");
        }

        return id;
    }

    /// <summary>Validates the object and returns its objectType (Activity when absent).</summary>
    private static string StatementObject(JsonNode node, string path, XapiVersion version, bool allowSubStatement)
    {
        var o = Object(node, path);
        var type = o["objectType"] is { } t ? String(t, path + ".objectType") : "Activity";
        switch (type)
        {
            case "Activity":
                Activity(o, path);
                break;
            case "Agent":
                Agent(o, path);
                break;
            case "Group":
                Group(o, path, version);
                break;
            case "StatementRef":
                Keys(o, path, ["objectType", "id"]);
                Uuid(Required(o, "id", path), path + ".id");
                break;
            case "SubStatement" when allowSubStatement:
                SubStatement(o, path, version);
                break;
            case "SubStatement":
                throw Bad(path + ".objectType", "a SubStatement must not contain another SubStatement");
            default:
                throw Bad(path + ".objectType", $"expected \"Activity\", \"Agent\", \"Group\", \"StatementRef\" or \"SubStatement\", got \"{type}\"");
        }

        return type;
    }

    public static void Activity(JsonObject o, string path)
    {
        Keys(o, path, ["objectType", "id", "definition"]);
        Iri(Required(o, "id", path), path + ".id");
        if (o["definition"] is { } definitionNode)
        {
            ActivityDefinition(Object(definitionNode, path + ".definition"), path + ".definition");
        }
    }

    private static void ActivityDefinition(JsonObject d, string path)
    {
        Keys(d, path, ["name", "description", "type", "moreInfo", "interactionType", "correctResponsesPattern", "choices", "scale", "source", "target", "steps", "extensions"]);
        Optional(d, "name", path, LanguageMap);
        Optional(d, "description", path, LanguageMap);
        if (d["type"] is { } type)
        {
            Iri(type, path + ".type");
        }

        if (d["moreInfo"] is { } moreInfo)
        {
            Iri(moreInfo, path + ".moreInfo");
        }

        Optional(d, "extensions", path, Extensions);
        string? interaction = null;
        if (d["interactionType"] is { } it)
        {
            interaction = String(it, path + ".interactionType");
            if (!InteractionTypes.Contains(interaction))
            {
                throw Bad(path + ".interactionType", $"expected one of {string.Join(", ", InteractionTypes)}, got \"{interaction}\"");
            }
        }

        foreach (var key in new[] { "correctResponsesPattern", "choices", "scale", "source", "target", "steps" })
        {
            if (d.ContainsKey(key) && interaction is null)
            {
                throw Bad(path + "." + key, "is only allowed with an interactionType");
            }
        }

        if (d["correctResponsesPattern"] is { } pattern)
        {
            var list = Array(pattern, path + ".correctResponsesPattern");
            for (var i = 0; i < list.Count; i++)
            {
                String(list[i], $"{path}.correctResponsesPattern[{i}]");
            }
        }

        foreach (var key in new[] { "choices", "scale", "source", "target", "steps" })
        {
            if (d[key] is not { } components)
            {
                continue;
            }

            var list = Array(components, path + "." + key);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < list.Count; i++)
            {
                var itemPath = $"{path}.{key}[{i}]";
                var component = Object(list[i], itemPath);
                Keys(component, itemPath, ["id", "description"]);
                var id = String(Required(component, "id", itemPath), itemPath + ".id");
                if (!ids.Add(id))
                {
                    throw Bad(itemPath + ".id", $"interaction component ids must be unique within {key}; \"{id}\" repeats");
                }

                Optional(component, "description", itemPath, LanguageMap);
            }
        }
    }
}

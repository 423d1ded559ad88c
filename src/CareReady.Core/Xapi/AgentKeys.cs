using System.Text.Json.Nodes;

namespace CareReady.Core.Xapi;

/// <summary>
/// The inverse functional identifier of an agent or identified group as one string, used to index and
/// match: "mbox:mailto:a@b", "sha1:…", "openid:…", "account:{homePage}|{name}".
/// Call only on a validated agent.
/// </summary>
public static class AgentKeys
{
    public static string? Of(JsonNode? agent)
    {
        if (agent is not JsonObject o)
        {
            return null;
        }

        if (o["mbox"] is JsonValue mbox)
        {
            return "mbox:" + mbox.GetValue<string>();
        }

        if (o["mbox_sha1sum"] is JsonValue sha)
        {
            return "sha1:" + sha.GetValue<string>().ToLowerInvariant();
        }

        if (o["openid"] is JsonValue openid)
        {
            return "openid:" + openid.GetValue<string>();
        }

        if (o["account"] is JsonObject account)
        {
            return "account:" + account["homePage"]!.GetValue<string>() + "|" + account["name"]!.GetValue<string>();
        }

        return null;
    }

    /// <summary>The email of an mbox key ("mbox:mailto:x@y" → "x@y"), else null.</summary>
    public static string? Email(string key) =>
        key.StartsWith("mbox:mailto:", StringComparison.OrdinalIgnoreCase) ? key["mbox:mailto:".Length..] : null;
}

using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Audit;
using CareReady.Core.Xapi;
using Microsoft.Extensions.Primitives;

namespace CareReady.Web.Xapi;

/// <summary>What every LRS request shares: version negotiation, Basic authentication, scopes, parameters and errors.</summary>
internal static class XapiHttp
{
    public const string CallerItem = "xapi.caller";
    public const string VersionItem = "xapi.version";

    /// <summary>
    /// Runs an LRS handler: requires a supported X-Experience-API-Version (and echoes the version
    /// served), marks the response not to be stored by caches, authenticates the client, checks read/write scope, and
    /// turns refusals into problem details.
    /// </summary>
    public static async Task RunAsync(HttpContext context, bool write, Func<LrsCaller, XapiVersion, Task> handler)
    {
        var response = context.Response;
        var version = XapiVersions.Parse(context.Request.Headers[XapiVersions.Header]);
        response.Headers[XapiVersions.Header] = (version ?? XapiVersion.V200).Name();
        // Learning records are personal data and change under the same URL: a browser must never reuse a stored copy
        // (a cmi5 AU launched again in the same registration read the previous session's LMS.LaunchData from its cache).
        response.Headers.CacheControl = "no-store";
        try
        {
            if (version is null)
            {
                var given = context.Request.Headers[XapiVersions.Header].ToString();
                throw XapiException.BadRequest(string.IsNullOrEmpty(given)
                    ? "The X-Experience-API-Version header is required (this LRS speaks 1.0.3 and 2.0.0)."
                    : $"X-Experience-API-Version \"{given}\" is not supported; use 1.0.3 or 2.0.0.");
            }

            var caller = await context.RequestServices.GetRequiredService<LrsAuthenticator>().AuthenticateAsync(context);
            if (caller is null)
            {
                response.Headers.WWWAuthenticate = "Basic realm=\"CareReady LRS\", charset=\"UTF-8\"";
                throw new XapiException(401, "Send the LRS client's key and secret with HTTP Basic authentication.");
            }

            if (write ? !caller.CanWrite : !caller.CanRead)
            {
                throw new XapiException(403, write ? "This LRS client may not write (it has read scope only)." : "This LRS client may not read (it has write scope only).");
            }

            if (context.RequestServices.GetService<AuditContext>() is { } audit)
            {
                audit.Actor = Actor(caller);
            }

            await handler(caller, version.Value);
        }
        catch (XapiException e)
        {
            await ProblemAsync(context, e.Status, e.Message);
        }
    }

    /// <summary>The audit trail's actor for what an LRS client changes.</summary>
    public static string Actor(LrsCaller caller) => "xapi:" + caller.Name;

    public static async Task ProblemAsync(HttpContext context, int status, string detail)
    {
        if (context.Response.HasStarted)
        {
            return;
        }

        context.Response.StatusCode = status;
        context.Response.ContentType = "application/problem+json";
        var problem = new JsonObject
        {
            ["type"] = "about:blank",
            ["title"] = status switch
            {
                400 => "Bad Request",
                401 => "Unauthorized",
                403 => "Forbidden",
                404 => "Not Found",
                409 => "Conflict",
                412 => "Precondition Failed",
                413 => "Content Too Large",
                _ => "Error",
            },
            ["status"] = status,
            ["detail"] = detail,
        };
        await context.Response.WriteAsync(problem.ToJsonString());
    }

    /// <summary>Refuses parameters this resource does not know, and known ones in the wrong case (both 400).</summary>
    public static Dictionary<string, string> Parameters(HttpRequest request, params string[] allowed)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in request.Query)
        {
            if (!allowed.Contains(key, StringComparer.Ordinal))
            {
                var hint = allowed.FirstOrDefault(a => a.Equals(key, StringComparison.OrdinalIgnoreCase));
                throw XapiException.BadRequest(hint is null
                    ? $"Parameter \"{key}\" is not recognised here (allowed: {string.Join(", ", allowed)})."
                    : $"Parameter names are case-sensitive: \"{key}\" should be \"{hint}\".");
            }

            if (value.Count > 1)
            {
                throw XapiException.BadRequest($"Parameter \"{key}\" is given more than once.");
            }

            result[key] = value.ToString();
        }

        return result;
    }

    public static string Required(Dictionary<string, string> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && value.Length > 0 ? value : throw XapiException.BadRequest($"Parameter \"{name}\" is required.");

    public static Guid Uuid(string value, string name) =>
        value.Length == 36 && Guid.TryParseExact(value, "D", out var id) ? id : throw XapiException.BadRequest($"Parameter \"{name}\" must be a UUID, got \"{value}\".");

    public static bool Boolean(Dictionary<string, string> parameters, string name) => parameters.TryGetValue(name, out var v)
        ? v switch { "true" => true, "false" => false, _ => throw XapiException.BadRequest($"Parameter \"{name}\" must be true or false, got \"{v}\".") }
        : false;

    public static DateTime? Timestamp(Dictionary<string, string> parameters, string name) =>
        parameters.TryGetValue(name, out var v) ? StatementValidator.Timestamp(JsonValue.Create(v), name).UtcDateTime : null;

    public static string Iri(string value, string name)
    {
        var activity = new JsonObject { ["id"] = value };
        StatementValidator.Activity(activity, name);
        return value;
    }

    /// <summary>An agent (or identified group when allowed) given as a JSON parameter; returns its key.</summary>
    public static string AgentKey(string value, string name, XapiVersion version, bool allowGroup)
    {
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(value);
        }
        catch (JsonException e)
        {
            throw XapiException.BadRequest($"Parameter \"{name}\" must be an Agent as JSON: {e.Message}");
        }

        if (node is JsonObject o && o["objectType"] is JsonValue t && t.ToString() == "Group" && !allowGroup)
        {
            throw XapiException.BadRequest($"{name}.objectType: expected an Agent here, not a Group");
        }

        StatementValidator.Actor(node ?? throw XapiException.BadRequest($"Parameter \"{name}\" must be an Agent object."), name, version);
        return AgentKeys.Of(node) ?? throw XapiException.BadRequest($"{name}: an anonymous Group cannot be used as a filter; give an identifier");
    }

    public static async Task<byte[]> BodyAsync(HttpRequest request, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    public static async Task JsonAsync(HttpResponse response, JsonNode node, int status = 200)
    {
        response.StatusCode = status;
        response.ContentType = "application/json";
        await response.WriteAsync(node.ToJsonString());
    }

    public static string Http(DateTime utc) => utc.ToString("R", CultureInfo.InvariantCulture);

    public static StringValues ConsistentThrough(TimeProvider time) =>
        time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}

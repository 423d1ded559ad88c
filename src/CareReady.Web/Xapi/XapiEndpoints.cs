using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Xapi;

namespace CareReady.Web.Xapi;

/// <summary>
/// The Learning Record Store at /xapi/ (xAPI 1.0.3 and 2.0.0): Statement resource and About here;
/// documents, Activities and Agents in <see cref="XapiDocumentEndpoints"/>. Authenticated by LRS client
/// credentials (HTTP Basic), never by a sign-in cookie.
/// </summary>
public static class XapiEndpoints
{
    private static readonly string[] GetParameters =
        ["statementId", "voidedStatementId", "agent", "verb", "activity", "registration", "related_activities", "related_agents", "since", "until", "limit", "format", "attachments", "ascending", "cursor"];

    public static IEndpointRouteBuilder MapXapi(this IEndpointRouteBuilder app)
    {
        var xapi = app.MapGroup("/xapi").AllowAnonymous().DisableAntiforgery().ExcludeFromDescription().RequireCors(XapiCors.Policy);
        xapi.MapMethods("/about", ["GET", "HEAD"], About);
        xapi.MapMethods("/statements", ["PUT"], c => XapiHttp.RunAsync(c, write: true, (caller, version) => PutAsync(c, caller, version)));
        xapi.MapMethods("/statements", ["POST"], c => XapiHttp.RunAsync(c, write: true, (caller, version) => PostAsync(c, caller, version)));
        xapi.MapMethods("/statements", ["GET", "HEAD"], c => XapiHttp.RunAsync(c, write: false, (caller, version) => GetAsync(c, caller, version)));
        xapi.MapXapiDocuments();
        return app;
    }

    private static async Task About(HttpContext context)
    {
        context.Response.Headers[XapiVersions.Header] = (XapiVersions.Parse(context.Request.Headers[XapiVersions.Header]) ?? XapiVersion.V200).Name();
        var about = new JsonObject
        {
            ["version"] = new JsonArray(XapiVersions.Supported.Select(v => (JsonNode)JsonValue.Create(v)!).ToArray()),
            ["extensions"] = new JsonObject(),
        };
        await XapiHttp.JsonAsync(context.Response, about);
    }

    private static async Task PutAsync(HttpContext c, LrsCaller caller, XapiVersion version)
    {
        var parameters = XapiHttp.Parameters(c.Request, "statementId");
        var id = XapiHttp.Uuid(XapiHttp.Required(parameters, "statementId"), "statementId");
        var (body, parts) = await ReadStatementsAsync(c);
        if (body is not JsonObject)
        {
            throw XapiException.BadRequest("PUT takes one statement (a JSON object), not " + (body is JsonArray ? "an array" : "this value") + "; POST a batch instead.");
        }

        var writer = c.RequestServices.GetRequiredService<StatementWriter>();
        await writer.SubmitAsync(caller, XapiHttp.Actor(caller), [body], batch: false, version, id, parts, c.RequestAborted);
        c.Response.Headers[XapiVersions.ConsistentThroughHeader] = XapiHttp.ConsistentThrough(c.RequestServices.GetRequiredService<TimeProvider>());
        c.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task PostAsync(HttpContext c, LrsCaller caller, XapiVersion version)
    {
        XapiHttp.Parameters(c.Request);
        var (body, parts) = await ReadStatementsAsync(c);
        // Straight to the writer: a waiting request creates no DbContext of its own.
        var writer = c.RequestServices.GetRequiredService<StatementWriter>();
        IReadOnlyList<Guid> ids = body switch
        {
            JsonArray list => await writer.SubmitAsync(caller, XapiHttp.Actor(caller), list.ToList(), batch: true, version, null, parts, c.RequestAborted),
            JsonObject => await writer.SubmitAsync(caller, XapiHttp.Actor(caller), [body], batch: false, version, null, parts, c.RequestAborted),
            _ => throw XapiException.BadRequest("POST takes a statement (JSON object) or a batch (JSON array of statements)."),
        };
        c.Response.Headers[XapiVersions.ConsistentThroughHeader] = XapiHttp.ConsistentThrough(c.RequestServices.GetRequiredService<TimeProvider>());
        await XapiHttp.JsonAsync(c.Response, new JsonArray(ids.Select(i => (JsonNode)JsonValue.Create(i.ToString("D"))!).ToArray()));
    }

    private static async Task<(JsonNode? Body, IReadOnlyList<AttachmentPart> Parts)> ReadStatementsAsync(HttpContext c)
    {
        var contentType = c.Request.ContentType ?? "";
        if (XapiMultipart.IsMultipart(contentType))
        {
            return await XapiMultipart.ReadAsync(c.Request, c.RequestAborted);
        }

        if (!DocumentStore.IsJson(contentType))
        {
            throw XapiException.BadRequest($"Statements are sent as application/json (or multipart/mixed with attachment parts), not \"{contentType}\".");
        }

        var bytes = await XapiHttp.BodyAsync(c.Request, c.RequestAborted);
        try
        {
            return (JsonNode.Parse(bytes, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false }), []);
        }
        catch (JsonException e)
        {
            throw XapiException.BadRequest("The request body is not valid JSON: " + e.Message);
        }
    }

    private static async Task GetAsync(HttpContext c, LrsCaller caller, XapiVersion version)
    {
        var p = XapiHttp.Parameters(c.Request, GetParameters);
        var time = c.RequestServices.GetRequiredService<TimeProvider>();
        var query = c.RequestServices.GetRequiredService<QueryStatements>();
        var format = p.TryGetValue("format", out var f)
            ? f switch
            {
                "exact" => StatementFormat.Exact,
                "ids" => StatementFormat.Ids,
                "canonical" => StatementFormat.Canonical,
                _ => throw XapiException.BadRequest($"Parameter \"format\" must be ids, exact or canonical, got \"{f}\"."),
            }
            : StatementFormat.Exact;
        var withAttachments = XapiHttp.Boolean(p, "attachments");
        var languages = c.Request.Headers.AcceptLanguage.ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.Split(';')[0].Trim()).Where(l => l.Length > 0 && l != "*").ToList();
        c.Response.Headers[XapiVersions.ConsistentThroughHeader] = XapiHttp.ConsistentThrough(time);

        var single = p.ContainsKey("statementId") ? "statementId" : p.ContainsKey("voidedStatementId") ? "voidedStatementId" : null;
        if (single is not null)
        {
            var other = p.Keys.FirstOrDefault(k => k is not ("statementId" or "voidedStatementId" or "format" or "attachments"));
            if (other is not null || (p.ContainsKey("statementId") && p.ContainsKey("voidedStatementId")))
            {
                throw XapiException.BadRequest($"With {single} only format and attachments may be given, not \"{other ?? "both statementId and voidedStatementId"}\".");
            }

            var id = XapiHttp.Uuid(p[single], single);
            var json = await query.ByIdAsync(caller.OrganisationId, id, voided: single == "voidedStatementId", c.RequestAborted)
                ?? throw new XapiException(404, single == "statementId" ? $"No statement {id} (or it has been voided: ask with voidedStatementId)." : $"No voided statement {id}.");
            var statement = StatementFormatter.Apply(json, format, languages);
            if (statement["stored"] is JsonValue stored && DateTime.TryParse(stored.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var storedAt))
            {
                c.Response.Headers.LastModified = XapiHttp.Http(storedAt);
            }

            await RespondAsync(c, caller, statement, [statement], withAttachments);
            return;
        }

        var limit = 0;
        if (p.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit < 0))
        {
            throw XapiException.BadRequest($"Parameter \"limit\" must be a whole number (0 for the server's maximum), got \"{limitText}\".");
        }

        long? after = null;
        if (p.TryGetValue("cursor", out var cursorText))
        {
            after = long.TryParse(cursorText, NumberStyles.None, CultureInfo.InvariantCulture, out var seq) ? seq
                : throw XapiException.BadRequest("Parameter \"cursor\" is not a cursor this LRS gave out; follow the \"more\" link as it is.");
        }

        var q = new StatementQuery(
            AgentKey: p.TryGetValue("agent", out var agent) ? XapiHttp.AgentKey(agent, "agent", version, allowGroup: true) : null,
            VerbId: p.TryGetValue("verb", out var verb) ? XapiHttp.Iri(verb, "verb") : null,
            ActivityId: p.TryGetValue("activity", out var activity) ? XapiHttp.Iri(activity, "activity") : null,
            Registration: p.TryGetValue("registration", out var registration) ? XapiHttp.Uuid(registration, "registration") : null,
            RelatedActivities: XapiHttp.Boolean(p, "related_activities"),
            RelatedAgents: XapiHttp.Boolean(p, "related_agents"),
            Since: XapiHttp.Timestamp(p, "since"),
            Until: XapiHttp.Timestamp(p, "until"),
            Limit: limit,
            Ascending: XapiHttp.Boolean(p, "ascending"),
            After: after);
        var page = await query.RunAsync(caller.OrganisationId, q, c.RequestAborted);
        var more = "";
        if (page.ContinueAfter is { } next)
        {
            var parts = p.Where(kv => kv.Key != "cursor").Select(kv => Uri.EscapeDataString(kv.Key) + "=" + Uri.EscapeDataString(kv.Value)).ToList();
            parts.Add("cursor=" + next.ToString(CultureInfo.InvariantCulture));
            more = "/xapi/statements?" + string.Join("&", parts);
        }

        var statements = page.Statements.Select(s => StatementFormatter.Apply(s, format, languages)).ToArray();
        var result = new JsonObject
        {
            ["statements"] = new JsonArray(statements),
            ["more"] = more,
        };
        await RespondAsync(c, caller, result, statements, withAttachments);
    }

    /// <summary>JSON, or with attachments=true multipart/mixed carrying the data of the statements' attachments.</summary>
    private static async Task RespondAsync(HttpContext c, LrsCaller caller, JsonNode result, IEnumerable<JsonNode> statements, bool withAttachments)
    {
        if (!withAttachments)
        {
            await XapiHttp.JsonAsync(c.Response, result);
            return;
        }

        var data = await c.RequestServices.GetRequiredService<AttachmentStore>().ForAsync(caller.OrganisationId, XapiMultipart.Hashes(statements), c.RequestAborted);
        await XapiMultipart.WriteAsync(c.Response, result, data, c.RequestAborted);
    }
}

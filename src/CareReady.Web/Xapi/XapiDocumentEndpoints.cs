using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Core.Xapi;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Xapi;

/// <summary>State, Activity Profile and Agent Profile documents; the Activities and Agents resources.</summary>
public static class XapiDocumentEndpoints
{
    public static RouteGroupBuilder MapXapiDocuments(this RouteGroupBuilder xapi)
    {
        Map(xapi, "/activities/state", XapiDocumentKind.State);
        Map(xapi, "/activities/profile", XapiDocumentKind.ActivityProfile);
        Map(xapi, "/agents/profile", XapiDocumentKind.AgentProfile);
        xapi.MapMethods("/activities", ["GET", "HEAD"], c => XapiHttp.RunAsync(c, write: false, (caller, _) => ActivityAsync(c, caller)));
        xapi.MapMethods("/agents", ["GET", "HEAD"], c => XapiHttp.RunAsync(c, write: false, (caller, version) => AgentsAsync(c, version)));
        return xapi;
    }

    private static void Map(RouteGroupBuilder xapi, string path, XapiDocumentKind kind)
    {
        xapi.MapMethods(path, ["GET", "HEAD"], c => XapiHttp.RunAsync(c, write: false, (caller, version) => GetAsync(c, caller, version, kind)));
        xapi.MapMethods(path, ["PUT", "POST"], c => XapiHttp.RunAsync(c, write: true, (caller, version) => WriteAsync(c, caller, version, kind)));
        xapi.MapMethods(path, ["DELETE"], c => XapiHttp.RunAsync(c, write: true, (caller, version) => DeleteAsync(c, caller, version, kind)));
    }

    private static string IdName(XapiDocumentKind kind) => kind == XapiDocumentKind.State ? "stateId" : "profileId";

    /// <summary>Reads and checks the parameters that address a document (and <c>since</c> where allowed).</summary>
    private static (DocumentAddress Address, Dictionary<string, string> Parameters) Address(HttpContext c, XapiVersion version, XapiDocumentKind kind, bool idRequired, bool sinceAllowed)
    {
        var idName = IdName(kind);
        var allowed = kind switch
        {
            XapiDocumentKind.State => new List<string> { "activityId", "agent", "registration", "stateId" },
            XapiDocumentKind.ActivityProfile => ["activityId", "profileId"],
            _ => ["agent", "profileId"],
        };
        if (sinceAllowed)
        {
            allowed.Add("since");
        }

        var p = XapiHttp.Parameters(c.Request, [.. allowed]);
        var activityId = kind == XapiDocumentKind.AgentProfile ? "" : XapiHttp.Iri(XapiHttp.Required(p, "activityId"), "activityId");
        var agentKey = kind == XapiDocumentKind.ActivityProfile ? "" : XapiHttp.AgentKey(XapiHttp.Required(p, "agent"), "agent", version, allowGroup: kind == XapiDocumentKind.AgentProfile);
        var registration = p.TryGetValue("registration", out var r) ? XapiHttp.Uuid(r, "registration").ToString("D") : "";
        string? id = p.TryGetValue(idName, out var given) ? given : null;
        if (idRequired && string.IsNullOrEmpty(id))
        {
            throw XapiException.BadRequest($"Parameter \"{idName}\" is required.");
        }

        if (id is not null && p.ContainsKey("since"))
        {
            throw XapiException.BadRequest($"\"since\" applies to the list of {idName}s; it cannot be combined with {idName}.");
        }

        return (new DocumentAddress(kind, activityId, agentKey, registration, id), p);
    }

    private static Preconditions Preconditions(HttpRequest request)
    {
        var ifMatch = request.Headers.IfMatch.ToString();
        var ifNoneMatch = request.Headers.IfNoneMatch.ToString();
        return new Preconditions(ifMatch.Length > 0 ? ifMatch : null, ifNoneMatch.Length > 0 ? ifNoneMatch : null);
    }

    private static async Task GetAsync(HttpContext c, LrsCaller caller, XapiVersion version, XapiDocumentKind kind)
    {
        var (address, p) = Address(c, version, kind, idRequired: false, sinceAllowed: true);
        var store = c.RequestServices.GetRequiredService<DocumentStore>();
        if (address.DocumentId is null)
        {
            var ids = await store.ListIdsAsync(caller.OrganisationId, address, XapiHttp.Timestamp(p, "since"), c.RequestAborted);
            await XapiHttp.JsonAsync(c.Response, new JsonArray(ids.Select(i => (JsonNode)JsonValue.Create(i)!).ToArray()));
            return;
        }

        var document = await store.GetAsync(caller.OrganisationId, address, c.RequestAborted)
            ?? throw new XapiException(404, $"No document with {IdName(kind)} \"{address.DocumentId}\" here.");
        c.Response.Headers.ETag = "\"" + document.ETag + "\"";
        c.Response.Headers.LastModified = XapiHttp.Http(document.Updated);
        c.Response.ContentType = document.ContentType;
        c.Response.ContentLength = document.Content.Length;
        if (!HttpMethods.IsHead(c.Request.Method))
        {
            await c.Response.Body.WriteAsync(document.Content, c.RequestAborted);
        }
    }

    private static async Task WriteAsync(HttpContext c, LrsCaller caller, XapiVersion version, XapiDocumentKind kind)
    {
        var (address, _) = Address(c, version, kind, idRequired: true, sinceAllowed: false);
        var contentType = string.IsNullOrWhiteSpace(c.Request.ContentType) ? "application/octet-stream" : c.Request.ContentType;
        var content = await XapiHttp.BodyAsync(c.Request, c.RequestAborted);
        var store = c.RequestServices.GetRequiredService<DocumentStore>();
        if (HttpMethods.IsPut(c.Request.Method))
        {
            await store.PutAsync(caller.OrganisationId, address, contentType, content, Preconditions(c.Request), version, c.RequestAborted);
        }
        else
        {
            await store.PostAsync(caller.OrganisationId, address, contentType, content, Preconditions(c.Request), c.RequestAborted);
        }

        c.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    private static async Task DeleteAsync(HttpContext c, LrsCaller caller, XapiVersion version, XapiDocumentKind kind)
    {
        var (address, _) = Address(c, version, kind, idRequired: kind != XapiDocumentKind.State, sinceAllowed: false);
        await c.RequestServices.GetRequiredService<DocumentStore>().DeleteAsync(caller.OrganisationId, address, Preconditions(c.Request), c.RequestAborted);
        c.Response.StatusCode = StatusCodes.Status204NoContent;
    }

    /// <summary>The activity with the definition from the newest statement whose object it is.</summary>
    private static async Task ActivityAsync(HttpContext c, LrsCaller caller)
    {
        var p = XapiHttp.Parameters(c.Request, "activityId");
        var id = XapiHttp.Iri(XapiHttp.Required(p, "activityId"), "activityId");
        var db = c.RequestServices.GetRequiredService<AppDbContext>();
        var org = caller.OrganisationId;
        var key = XapiRefKey.Of(id);
        var json = await db.XapiStatementRefs.Where(r => r.OrganisationId == org && r.Kind == XapiRefKind.Activity && r.Key == key)
            .OrderByDescending(r => r.Seq)
            .Join(db.XapiStatements, r => new { r.OrganisationId, r.Seq }, s => new { s.OrganisationId, s.Seq }, (r, s) => s)
            .Where(s => s.ActivityId == id) // not a statement that only targets one about the activity
            .Select(s => s.Json)
            .FirstOrDefaultAsync(c.RequestAborted);
        var activity = new JsonObject { ["objectType"] = "Activity", ["id"] = id };
        if (json is not null && JsonNode.Parse(json)?["object"]?["definition"] is JsonObject definition)
        {
            activity["definition"] = definition.DeepClone();
        }

        await XapiHttp.JsonAsync(c.Response, activity);
    }

    /// <summary>The Person object for an agent: this LRS does not join identities, so it lists the one given.</summary>
    private static async Task AgentsAsync(HttpContext c, XapiVersion version)
    {
        var p = XapiHttp.Parameters(c.Request, "agent");
        var text = XapiHttp.Required(p, "agent");
        XapiHttp.AgentKey(text, "agent", version, allowGroup: false);
        var agent = JsonNode.Parse(text)!.AsObject();
        var person = new JsonObject { ["objectType"] = "Person" };
        foreach (var key in new[] { "name", "mbox", "mbox_sha1sum", "openid", "account" })
        {
            if (agent[key] is { } value)
            {
                person[key] = new JsonArray(value.DeepClone());
            }
        }

        await XapiHttp.JsonAsync(c.Response, person);
    }
}

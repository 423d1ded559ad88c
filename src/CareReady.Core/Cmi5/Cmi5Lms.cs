using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Xml;
using CareReady.Core.Data;
using CareReady.Core.Xapi;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Cmi5;

/// <summary>
/// The LMS side of cmi5 in the LRS: the organisation's "CareReady cmi5" client (the authority of the
/// statements the LMS writes and of the AU sessions; it has no usable secret and no scope of its own),
/// and the statements the LMS writes (launched, abandoned, waived, satisfied).
/// </summary>
public static class Cmi5Lms
{
    public const string ClientName = "CareReady cmi5";

    public static string ClientKey(int organisationId) => "cmi5-lms-" + organisationId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The organisation's cmi5 LRS client, created on first use.</summary>
    public static async Task<LrsClient> ClientAsync(AppDbContext db, int organisationId, DateTime now, CancellationToken ct)
    {
        var key = ClientKey(organisationId);
        var client = await db.LrsClients.AsNoTracking().FirstOrDefaultAsync(c => c.Key == key, ct);
        if (client is not null)
        {
            return client;
        }

        client = new LrsClient
        {
            OrganisationId = organisationId,
            Name = ClientName,
            Key = key,
            // A hash of nothing anyone holds: these credentials cannot be presented.
            SecretHash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            CanRead = false,
            CanWrite = false,
            CreatedBy = "cmi5",
            CreatedAt = now,
        };
        db.LrsClients.Add(client);
        await db.SaveChangesAsync(ct);
        db.Entry(client).State = EntityState.Detached;
        return client;
    }

    /// <summary>The caller the LMS writes statements as (and that AU sessions act under).</summary>
    public static LrsCaller Caller(LrsClient client, string endpoint, bool read = true, bool write = true) =>
        new(client.Id, client.OrganisationId, client.Name, client.Key, read, write, endpoint);

    /// <summary>A statement in the shape the cmi5 spec gives (section 9): cmi5 category, registration, session id and grouping by the AU's publisher id.</summary>
    public static JsonObject Statement(string actorJson, string verb, string verbDisplay, JsonObject activity, Guid registration, Guid sessionId,
        string? publisherId, DateTime timestamp, JsonObject? result = null, JsonObject? extensions = null, bool moveOn = false)
    {
        var category = new JsonArray(new JsonObject { ["id"] = Cmi5Vocabulary.Cmi5Category });
        if (moveOn)
        {
            category.Add(new JsonObject { ["id"] = Cmi5Vocabulary.MoveOnCategory });
        }

        var contextActivities = new JsonObject { ["category"] = category };
        if (publisherId is not null)
        {
            contextActivities["grouping"] = new JsonArray(new JsonObject { ["id"] = publisherId });
        }

        var ext = extensions ?? [];
        ext[Cmi5Vocabulary.SessionIdExtension] = sessionId.ToString("D");
        var statement = new JsonObject
        {
            ["id"] = Guid.NewGuid().ToString("D"),
            ["actor"] = JsonNode.Parse(actorJson),
            ["verb"] = new JsonObject { ["id"] = verb, ["display"] = new JsonObject { ["en"] = verbDisplay } },
            ["object"] = activity,
            ["context"] = new JsonObject
            {
                ["registration"] = registration.ToString("D"),
                ["contextActivities"] = contextActivities,
                ["extensions"] = ext,
            },
            ["timestamp"] = timestamp.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture),
        };
        if (result is not null)
        {
            statement["result"] = result;
        }

        return statement;
    }

    public static JsonObject Activity(string id, string? type = null, string? name = null)
    {
        var activity = new JsonObject { ["objectType"] = "Activity", ["id"] = id };
        if (type is not null || name is not null)
        {
            var definition = new JsonObject();
            if (name is not null)
            {
                definition["name"] = new JsonObject { ["en"] = name };
            }

            if (type is not null)
            {
                definition["type"] = type;
            }

            activity["definition"] = definition;
        }

        return activity;
    }

    /// <summary>An ISO 8601 duration ("PT5M30S").</summary>
    public static string Duration(TimeSpan span) => XmlConvert.ToString(span < TimeSpan.Zero ? TimeSpan.Zero : TimeSpan.FromSeconds(Math.Round(span.TotalSeconds, 2)));

    public static string Hash(string secret) => CreateLrsClient.HashSecret(secret);

    public static string NewSecret() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

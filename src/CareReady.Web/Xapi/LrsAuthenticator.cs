using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Cmi5;
using CareReady.Core.Data;
using CareReady.Core.Xapi;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Xapi;

/// <summary>
/// HTTP Basic authentication of LRS clients (key:secret). A client's row is cached for 30 seconds so
/// the statement hot path does not read it per request; a revoked client stops working within that time.
/// A cmi5 AU session's auth token (user name "cmi5.&lt;session&gt;") authenticates as a narrow caller of
/// the learner's organisation: <see cref="Cmi5SessionGate"/> limits it to its own registration, activity
/// and learner, checks the cmi5 rules on its statements, and evaluates moveOn once they are stored.
/// </summary>
public sealed class LrsAuthenticator(IServiceScopeFactory scopes, TimeProvider time)
{
    private static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);
    private readonly ConcurrentDictionary<string, (LrsClient? Client, DateTimeOffset Until)> _cache = new(StringComparer.Ordinal);

    /// <summary>The caller, or null when the header is missing or the credentials are refused.</summary>
    public async Task<LrsCaller?> AuthenticateAsync(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header[6..].Trim()));
        }
        catch (FormatException)
        {
            return null;
        }

        var colon = decoded.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            return null;
        }

        var key = decoded[..colon];
        var secret = decoded[(colon + 1)..];
        if (Cmi5SessionGate.IsSessionKey(key))
        {
            return await Cmi5SessionAsync(context, key, secret);
        }

        var client = await ClientAsync(key);
        if (client is null || client.RevokedAt is not null || !CreateLrsClient.Verify(secret, client.SecretHash))
        {
            return null;
        }

        var endpoint = $"{context.Request.Scheme}://{context.Request.Host}/xapi/";
        return new LrsCaller(client.Id, client.OrganisationId, client.Name, client.Key, client.CanRead, client.CanWrite, endpoint);
    }

    private static async Task<LrsCaller?> Cmi5SessionAsync(HttpContext context, string key, string secret)
    {
        var gate = context.RequestServices.GetRequiredService<Cmi5SessionGate>();
        var ct = context.RequestAborted;
        var session = await gate.AuthenticateAsync(key, secret, ct);
        if (session is null)
        {
            return null;
        }

        var request = context.Request;
        var query = request.Query.ToDictionary(q => q.Key, q => q.Value.ToString(), StringComparer.Ordinal);
        Cmi5SessionGate.CheckRequest(session, request.Method, request.Path.Value ?? "", query);
        var endpoint = $"{request.Scheme}://{request.Host}/xapi/";
        if (request.Path.StartsWithSegments("/xapi/statements") && request.Method is "PUT" or "POST")
        {
            request.EnableBuffering();
            using var buffer = new MemoryStream();
            await request.Body.CopyToAsync(buffer, ct);
            request.Body.Position = 0;
            IReadOnlyList<JsonNode?> statements;
            try
            {
                statements = JsonNode.Parse(buffer.ToArray()) switch
                {
                    JsonArray list => list.ToList(),
                    JsonObject one => [one],
                    _ => [],
                };
            }
            catch (JsonException)
            {
                statements = []; // the statement resource reports the bad JSON
            }

            await gate.CheckStatementsAsync(session, statements, ct);
            context.Response.OnStarting(async () =>
            {
                if (context.Response.StatusCode is StatusCodes.Status200OK or StatusCodes.Status204NoContent)
                {
                    await gate.AfterStoredAsync(session, statements, endpoint, CancellationToken.None);
                }
            });
        }

        return Cmi5Lms.Caller(session.Client, endpoint);
    }

    /// <summary>Forgets a client at once (after revoking it here).</summary>
    public void Forget(string key) => _cache.TryRemove(key, out _);

    private async Task<LrsClient?> ClientAsync(string key)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(key, out var cached) && cached.Until > now)
        {
            return cached.Client;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var client = await db.LrsClients.AsNoTracking().FirstOrDefaultAsync(c => c.Key == key);
        if (client is not null)
        {
            _cache[key] = (client, now + CacheFor);
        }

        return client;
    }
}

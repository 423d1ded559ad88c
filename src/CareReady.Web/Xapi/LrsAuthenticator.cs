using System.Collections.Concurrent;
using System.Text;
using CareReady.Core.Data;
using CareReady.Core.Xapi;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Xapi;

/// <summary>
/// HTTP Basic authentication of LRS clients (key:secret). A client's row is cached for 30 seconds so
/// the statement hot path does not read it per request; a revoked client stops working within that time.
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
        var client = await ClientAsync(key);
        if (client is null || client.RevokedAt is not null || !CreateLrsClient.Verify(secret, client.SecretHash))
        {
            return null;
        }

        var endpoint = $"{context.Request.Scheme}://{context.Request.Host}/xapi/";
        return new LrsCaller(client.Id, client.OrganisationId, client.Name, client.Key, client.CanRead, client.CanWrite, endpoint);
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

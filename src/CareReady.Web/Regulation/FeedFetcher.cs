namespace CareReady.Web.Regulation;

/// <summary>The feed document fetched from a URL, or why it could not be.</summary>
public sealed record FetchedFeed(byte[]? Content, string? Error);

/// <summary>
/// Fetches a change feed from a URL a compliance lead gives: http or https only, at most
/// <see cref="MaxBytes"/>, within <see cref="Timeout"/>; every failure becomes a sentence for the page.
/// </summary>
public sealed class FeedFetcher(IHttpClientFactory clients)
{
    public const string ClientName = "regulation-feed";
    public const int MaxBytes = 5 * 1024 * 1024;
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    /// <summary>Null when the text is an absolute http(s) URL, else the message to show.</summary>
    public static string? Check(string? url, out Uri? uri)
    {
        uri = null;
        if (string.IsNullOrWhiteSpace(url))
        {
            return "Enter the address of the feed";
        }

        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps))
        {
            return "Enter the full address of the feed, starting with https:// or http://";
        }

        uri = parsed;
        return null;
    }

    /// <summary>
    /// True for an address on the public internet. The server fetches the address a user typed, so it must not be a
    /// way into the hospital's own network (server-side request forgery): loopback, private, link-local, carrier-grade
    /// NAT, unique-local and multicast addresses are refused — unless <c>Regulation:AllowPrivateFeedAddresses</c> is set
    /// for a trust whose feed lives on its intranet.
    /// </summary>
    public static bool IsPublic(System.Net.IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (System.Net.IPAddress.IsLoopback(address))
        {
            return false;
        }

        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return !(b[0] == 0 || b[0] == 10 || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || (b[0] == 169 && b[1] == 254)
                || (b[0] == 172 && b[1] >= 16 && b[1] <= 31) || (b[0] == 192 && b[1] == 168) || b[0] >= 224);
        }

        var v6 = address.GetAddressBytes();
        return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || (v6[0] & 0xFE) == 0xFC
            || address.Equals(System.Net.IPAddress.IPv6Any));
    }

    /// <summary>Connects only to a public address of the host (resolved here, so a name cannot change between check and use).</summary>
    internal static async ValueTask<Stream> ConnectPublicAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = (await System.Net.Dns.GetHostAddressesAsync(host, ct)).Where(IsPublic).ToArray();
        if (addresses.Length == 0)
        {
            throw new HttpRequestException($"{host} is not a public internet address, and feeds are only fetched from the internet");
        }

        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, ct);
            return new System.Net.Sockets.NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public async Task<FetchedFeed> FetchAsync(Uri uri, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(uri);
        var client = clients.CreateClient(ClientName);
        try
        {
            using var response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                return new(null, $"The feed could not be fetched: {uri.Host} answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            }

            if (response.Content.Headers.ContentLength > MaxBytes)
            {
                return new(null, $"The feed is larger than {MaxBytes / (1024 * 1024)} MB.");
            }

            await using var body = await response.Content.ReadAsStreamAsync(ct);
            using var copy = new MemoryStream();
            var buffer = new byte[81920];
            int read;
            while ((read = await body.ReadAsync(buffer, ct)) > 0)
            {
                if (copy.Length + read > MaxBytes)
                {
                    return new(null, $"The feed is larger than {MaxBytes / (1024 * 1024)} MB.");
                }

                copy.Write(buffer, 0, read);
            }

            return new(copy.ToArray(), null);
        }
        catch (TaskCanceledException) when (!ct.IsCancellationRequested)
        {
            return new(null, $"The feed could not be fetched: {uri.Host} did not answer within {Timeout.TotalSeconds:0} seconds.");
        }
        catch (HttpRequestException e)
        {
            return new(null, $"The feed could not be fetched from {uri.Host}: {e.Message}");
        }
    }
}

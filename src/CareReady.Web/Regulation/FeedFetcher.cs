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

using System.Net;
using System.Text.RegularExpressions;

namespace CareReady.Web.Tests.Infrastructure;

public static partial class HttpClientExtensions
{
    /// <summary>Signs in through the real sign-in form (antiforgery token and all).</summary>
    public static async Task SignInAsync(this HttpClient client, string email, string password)
    {
        var response = await client.PostFormAsync("/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {(int)response.StatusCode}");
        }
    }

    /// <summary>GETs the form page for its antiforgery token, then POSTs the fields with it.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string path, IDictionary<string, string> fields, string? formPage = null)
    {
        var token = await AntiforgeryTokenAsync(client, formPage ?? path);
        var all = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token };
        return await client.PostAsync(path, new FormUrlEncodedContent(all));
    }

    public static async Task<string> AntiforgeryTokenAsync(this HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page);
        var match = TokenPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value) : throw new InvalidOperationException("No antiforgery token on " + page);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

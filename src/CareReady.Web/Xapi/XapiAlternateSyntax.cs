using System.Text;
using CareReady.Core.Xapi;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Primitives;

namespace CareReady.Web.Xapi;

/// <summary>
/// The alternate request syntax of xAPI 1.0.3 (Communication 1.3), for clients that can only POST
/// without headers: <c>POST /xapi/…?method=PUT</c> with an application/x-www-form-urlencoded body whose
/// fields Authorization, X-Experience-API-Version, Content-Type, Content-Length, If-Match and
/// If-None-Match are headers, <c>content</c> is the request body (UTF-8), and every other field is a
/// query parameter. The request is rewritten before routing, so it reaches the same handler as the
/// usual syntax. xAPI 2.0 removed the syntax: a 2.0 request using it gets 400.
/// </summary>
internal static class XapiAlternateSyntax
{
    private static readonly string[] HeaderFields = ["Authorization", XapiVersions.Header, "Content-Type", "Content-Length", "If-Match", "If-None-Match"];
    private static readonly string[] Methods = ["GET", "HEAD", "PUT", "POST", "DELETE"];

    public static IApplicationBuilder UseXapiAlternateSyntax(this IApplicationBuilder app) =>
        app.UseWhen(
            c => HttpMethods.IsPost(c.Request.Method) && c.Request.Path.StartsWithSegments("/xapi") && c.Request.Query.ContainsKey("method"),
            b => b.Use(RewriteAsync));

    private static async Task RewriteAsync(HttpContext c, RequestDelegate next)
    {
        var request = c.Request;
        var method = request.Query["method"].ToString();
        if (!Methods.Contains(method, StringComparer.Ordinal))
        {
            await RefuseAsync(c, null, $"Parameter \"method\" must be one of {string.Join(", ", Methods)} (upper case), got \"{method}\".");
            return;
        }

        if (request.Query.Keys.FirstOrDefault(k => k != "method") is { } extra)
        {
            await RefuseAsync(c, null, $"With the alternate request syntax (?method=…) every parameter goes in the form body; \"{extra}\" was given in the query string.");
            return;
        }

        if (!request.HasFormContentType || !request.ContentType!.StartsWith("application/x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase))
        {
            await RefuseAsync(c, null, $"The alternate request syntax (?method=…) sends an application/x-www-form-urlencoded body, not \"{request.ContentType}\".");
            return;
        }

        var form = await request.ReadFormAsync(c.RequestAborted);
        var versionText = form.TryGetValue(XapiVersions.Header, out var v) ? v.ToString() : request.Headers[XapiVersions.Header].ToString();
        if (XapiVersions.Parse(versionText) == XapiVersion.V200)
        {
            await RefuseAsync(c, XapiVersion.V200, "xAPI 2.0 removed the alternate request syntax (?method=…); send the request with its own method, headers and query string.");
            return;
        }

        var query = new List<KeyValuePair<string, StringValues>>();
        byte[] body = [];
        foreach (var (key, value) in form)
        {
            if (HeaderFields.FirstOrDefault(h => h.Equals(key, StringComparison.OrdinalIgnoreCase)) is { } header)
            {
                request.Headers[header] = value;
            }
            else if (key == "content")
            {
                body = Encoding.UTF8.GetBytes(value.ToString());
            }
            else
            {
                query.Add(new(key, value));
            }
        }

        if (!form.ContainsKey("Content-Type"))
        {
            request.Headers.ContentType = body.Length > 0 ? "application/json" : StringValues.Empty;
        }

        request.Headers.ContentLength = body.Length;
        request.Method = method;
        request.QueryString = QueryString.Create(query);
        request.Body = new MemoryStream(body);
        c.Features.Set<IFormFeature>(new FormFeature(request));
        await next(c);
    }

    private static async Task RefuseAsync(HttpContext c, XapiVersion? version, string detail)
    {
        c.Response.Headers[XapiVersions.Header] = (version ?? XapiVersion.V103).Name();
        await XapiHttp.ProblemAsync(c, StatusCodes.Status400BadRequest, detail);
    }
}

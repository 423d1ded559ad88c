using CareReady.Core.Xapi;

namespace CareReady.Web.Xapi;

/// <summary>
/// Cross-origin access to the LRS and the cmi5 fetch URL, for e-learning hosted on another site (a cmi5 AU or an xAPI
/// course on a vendor's server calls this LRS from the learner's browser). Any origin may call: the caller proves who it
/// is with the Authorization header (a client key and secret, or a cmi5 session token), never with a cookie, and no
/// cookie is sent or accepted cross-origin (no Access-Control-Allow-Credentials). Nothing else on the site allows it.
/// </summary>
public static class XapiCors
{
    public const string Policy = "xapi";

    public static IServiceCollection AddXapiCors(this IServiceCollection services) =>
        services.AddCors(o => o.AddPolicy(Policy, p => p
            .AllowAnyOrigin()
            .WithMethods("GET", "HEAD", "PUT", "POST", "DELETE")
            .WithHeaders("Authorization", XapiVersions.Header, "Content-Type", "If-Match", "If-None-Match")
            .WithExposedHeaders("ETag", "Last-Modified", XapiVersions.Header, XapiVersions.ConsistentThroughHeader)
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
}

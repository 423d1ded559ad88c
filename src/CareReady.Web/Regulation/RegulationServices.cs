using CareReady.Core.Regulation;

namespace CareReady.Web.Regulation;

/// <summary>The regulatory-change use cases, and the HTTP client that fetches a change feed from a URL.</summary>
public static class RegulationServices
{
    public static IServiceCollection AddRegulation(this IServiceCollection services, IConfiguration configuration)
    {
        var allowPrivate = configuration.GetValue("Regulation:AllowPrivateFeedAddresses", false);
        services.AddScoped<ListRegistry>();
        services.AddScoped<ProposeChange>();
        services.AddScoped<ImportChangeFeed>();
        services.AddScoped<PreviewChange>();
        services.AddScoped<PreviewNationalChange>();
        services.AddScoped<ApplyChange>();
        services.AddScoped<UndoChange>();
        services.AddScoped<DismissChange>();
        services.AddHttpClient(FeedFetcher.ClientName, c =>
        {
            c.Timeout = FeedFetcher.Timeout;
            c.DefaultRequestHeaders.UserAgent.ParseAdd("CareReady-feed-reader/1.0");
            c.DefaultRequestHeaders.Accept.ParseAdd("application/atom+xml, application/rss+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1");
        }).ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 5,
            ConnectCallback = allowPrivate ? null : FeedFetcher.ConnectPublicAsync, // every connection, redirects included
        });
        services.AddScoped<FeedFetcher>();
        return services;
    }
}

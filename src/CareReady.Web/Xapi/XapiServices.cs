using CareReady.Core.Xapi;

namespace CareReady.Web.Xapi;

public static class XapiServices
{
    public static IServiceCollection AddXapi(this IServiceCollection services)
    {
        services.AddXapiCors();
        services.AddSingleton<StatementWriteLock>();
        services.AddSingleton<StatementWriter>();
        services.AddSingleton<XapiMetrics>();
        services.AddSingleton<StatementWriterConnections>();
        services.AddSingleton<LrsAuthenticator>();
        services.AddScoped<StoreStatements>();
        services.AddScoped<QueryStatements>();
        services.AddScoped<DocumentStore>();
        services.AddScoped<RecordXapiCompletions>();
        services.AddScoped<AttachmentStore>();
        services.AddScoped<CreateLrsClient>();
        services.AddScoped<ActivityMappings>();
        services.AddScoped<CareReady.Core.Demo.DemoLearningRecords>();
        return services;
    }
}

using CareReady.Core.Cmi5;

namespace CareReady.Web.Cmi5;

public static class Cmi5Services
{
    public static IServiceCollection AddCmi5(this IServiceCollection services)
    {
        services.AddScoped<ImportCmi5Course>();
        services.AddScoped<LaunchAu>();
        services.AddScoped<EvaluateMoveOn>();
        services.AddScoped<Cmi5SessionGate>();
        services.AddScoped<FetchAuthToken>();
        services.AddScoped<WaiveAu>();
        services.AddScoped<GetCmi5Course>();
        return services;
    }
}

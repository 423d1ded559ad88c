using CareReady.Core.Scorm;

namespace CareReady.Web.Scorm;

public static class ScormServices
{
    public static IServiceCollection AddScorm(this IServiceCollection services)
    {
        services.AddScoped<ImportScormPackage>();
        services.AddScoped<LaunchScorm>();
        services.AddScoped<CommitScormCmi>();
        services.AddScoped<GetScormFile>();
        services.AddScoped<GetModuleScorm>();
        return services;
    }
}

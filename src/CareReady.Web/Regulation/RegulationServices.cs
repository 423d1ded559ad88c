using CareReady.Core.Regulation;

namespace CareReady.Web.Regulation;

public static class RegulationServices
{
    public static IServiceCollection AddRegulation(this IServiceCollection services)
    {
        services.AddScoped<ListRegistry>();
        services.AddScoped<ProposeChange>();
        services.AddScoped<ImportChangeFeed>();
        services.AddScoped<PreviewChange>();
        services.AddScoped<ApplyChange>();
        services.AddScoped<UndoChange>();
        services.AddScoped<DismissChange>();
        return services;
    }
}

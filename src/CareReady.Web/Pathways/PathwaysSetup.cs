using CareReady.Core.Pathways.Mastery;
using CareReady.Core.Pathways.Plan;
using CareReady.Core.Pathways.Refreshers;
using CareReady.Core.Pathways.RolePathways;

namespace CareReady.Web.Pathways;

public static class PathwaysSetup
{
    public static IServiceCollection AddPathways(this IServiceCollection services)
    {
        services.AddSingleton<OrganisationMastery>();
        services.AddSingleton<CareReady.Core.Pathways.PathwayReferenceCache>();
        services.AddScoped<SyncRefresherCards>();
        services.AddScoped<GetRefresherSession>();
        services.AddScoped<AnswerRefresher>();
        services.AddScoped<FitRefresherParameters>();
        services.AddScoped<GetPlan>();
        services.AddScoped<GetCompetencyProfile>();
        services.AddScoped<ListRolePathways>();
        services.AddScoped<SaveRolePathway>();
        services.AddScoped<AssignPathway>();
        return services;
    }
}

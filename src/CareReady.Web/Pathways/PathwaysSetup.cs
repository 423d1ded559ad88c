using CareReady.Core.Pathways.Mastery;
using CareReady.Core.Pathways.Plan;
using CareReady.Core.Pathways.Refreshers;
using CareReady.Core.Pathways.RolePathways;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareReady.Web.Pathways;

public static class PathwaysSetup
{
    public static IServiceCollection AddPathways(this IServiceCollection services)
    {
        services.AddSingleton<OrganisationMastery>();
        services.TryAddSingleton<CareReady.Core.Pathways.PathwayReferenceCache>();
        services.TryAddScoped<SyncRefresherCards>();
        services.AddScoped<GetRefresherSession>();
        services.AddScoped<AnswerRefresher>();
        services.AddScoped<FitRefresherParameters>();
        services.AddScoped<SetSafetyCriticalSubjects>();
        services.AddScoped<GetPlan>();
        services.AddScoped<GetCompetencyProfile>();
        services.AddScoped<ListRolePathways>();
        services.AddScoped<SaveRolePathway>();
        services.AddScoped<AssignPathway>();
        return services;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareReady.Core.Audit;

public static class AuditSetup
{
    /// <summary>
    /// Turns the audit trail on for every <c>AppDbContext</c> resolved from this container: a scoped
    /// <see cref="AuditContext"/> (who and why; <paramref name="defaultActor"/> until something sets it)
    /// and the scoped <see cref="AuditInterceptor"/> that <c>AddCareReadyDatabase</c> attaches to the context.
    /// Also registers the audit use cases.
    /// </summary>
    public static IServiceCollection AddCareReadyAudit(this IServiceCollection services, string defaultActor = AuditContext.SystemActor)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddScoped(_ => new AuditContext(defaultActor));
        services.AddScoped<AuditInterceptor>();
        services.AddScoped<VerifyAuditTrail>();
        services.AddScoped<GetAuditTrail>();
        return services;
    }
}

using CareReady.Core.Compliance;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CareReady.Core.Notifications;

/// <summary>Registers notifications for any host (web app, CLI): options from configuration, the writer, the job and the sender.</summary>
public static class NotificationSetup
{
    public static IServiceCollection AddCareReadyNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(EmailOptions.FromConfiguration(configuration));
        services.AddSingleton(NotificationOptions.FromConfiguration(configuration));
        services.AddScoped<NotificationWriter>();
        services.TryAddScoped<ComputeComplianceSnapshot>();
        services.AddScoped<RunNotificationJob>();

        // The weekly refresher digest brings the person's refresher cards up to date (also from the CLI).
        services.TryAddSingleton<Pathways.PathwayReferenceCache>();
        services.TryAddScoped<Learning.ListModules>();
        services.TryAddScoped<Pathways.Refreshers.SyncRefresherCards>();
        services.AddScoped<Pathways.Refreshers.RefresherDigests>();
        services.AddScoped<Regulation.SendChangeNotices>();
        services.AddScoped<DeliverOutbox>();
        services.TryAddScoped<IEmailSender, SmtpEmailSender>();
        services.AddScoped<ListNotices>();
        services.AddScoped<MarkNoticesRead>();
        services.AddScoped<GetNotificationPreferences>();
        services.AddScoped<SaveNotificationPreferences>();
        return services;
    }
}

using CareReady.Core.Audit;
using CareReady.Core.Data;
using CareReady.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CareReady.Cli;

/// <summary>
/// The services a command needs, configured exactly like the web app: <c>Database__Provider</c>,
/// <c>ConnectionStrings__CareReady</c> (environment) or an appsettings.json in the working directory.
/// </summary>
public static class CliHost
{
    /// <param name="configure">More services (or replacements: registered last, they win), e.g. a benchmark's clock.</param>
    public static ServiceProvider Build(Action<IServiceCollection>? configure = null)
    {
        var configuration = new ConfigurationBuilder()
            .SetBasePath(Directory.GetCurrentDirectory())
            .AddJsonFile("appsettings.json", optional: true)
            .AddEnvironmentVariables()
            .Build();

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(TimeProvider.System);
        // EF logs its probe for the migrations table on a fresh PostgreSQL database as a failed command; real failures surface as exceptions.
        services.AddLogging(b => b.AddSimpleConsole(o => o.SingleLine = true).SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Microsoft.EntityFrameworkCore.Database.Command", LogLevel.None));
        services.AddCareReadyDatabase(DatabaseOptions.FromConfiguration(configuration));
        services.AddCareReadyAudit(AuditContext.CliActor);
        services.AddIdentityCore<AppUser>(AccountPolicy.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>();
        services.AddScoped<CareReady.Core.Workforce.Import.ImportStaff>();
        services.AddScoped<CareReady.Core.Workforce.Import.ImportDepartments>();
        CareReady.Core.Notifications.NotificationSetup.AddCareReadyNotifications(services, configuration);
        configure?.Invoke(services);
        return services.BuildServiceProvider();
    }
}

using CareReady.Core.Audit;
using CareReady.Core.Data;
using CareReady.Core.Demo;
using CareReady.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Infrastructure;

/// <summary>
/// On start: bring the database to the current schema, load reference data, and on a first run in
/// Development create the demo organisation so there is something to see.
/// </summary>
public static class DatabaseStartup
{
    /// <summary>The documented password of the fictional demo accounts; override with CareReady:Demo:Password.</summary>
    public const string DefaultDemoPassword = DemoOptions.DefaultPassword;

    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        using var scope = app.Services.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<AppDbContext>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("CareReady.Startup");
        var config = app.Configuration;

        await DatabaseMigrator.MigrateAsync(db);

        var seedDemo = config.GetValue("CareReady:Demo:SeedOnFirstRun", false);
        var password = config["CareReady:Demo:Password"] ?? DefaultDemoPassword;
        var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        if (seedDemo && !await db.Organisations.AnyAsync())
        {
            var options = new DemoOptions(
                config.GetValue("CareReady:Demo:Seed", DemoOptions.DefaultSeed),
                config.GetValue("CareReady:Demo:StaffCount", DemoOptions.DefaultStaffCount),
                today,
                password);
            logger.LogInformation("First run: creating the demo organisation ({Staff} staff)…", options.StaffCount);
            var started = System.Diagnostics.Stopwatch.StartNew();
            await DemoSeeder.SeedAsync(db, services.GetRequiredService<UserManager<AppUser>>(), options);
            var seconds = started.Elapsed.TotalSeconds;
            logger.LogInformation("Demo organisation ready in {Seconds:0.0} s", seconds);
        }

        if (seedDemo)
        {
            // The demo trust's learning records (once): sent through the LRS like any e-learning client's.
            services.GetRequiredService<AuditContext>().Actor = "demo";
            var statements = await services.GetRequiredService<DemoLearningRecords>().SeedAsync(today);
            if (statements > 0)
            {
                logger.LogInformation("Demo learning records: {Statements} xAPI statements stored", statements);
            }
        }

        if (app.Environment.IsDevelopment() && seedDemo)
        {
            // Fictional demo accounts only: printed to the console, not to the log, so no personal data reaches log sinks.
            var demoUsers = await db.Users.Where(u => u.Email!.EndsWith("@" + DemoSeeder.AccountDomain))
                .OrderBy(u => u.Email).Select(u => u.Email).ToListAsync();
            if (demoUsers.Count > 0)
            {
                Console.WriteLine();
                Console.WriteLine("Demo accounts (password: " + password + "):");
                foreach (var email in demoUsers)
                {
                    Console.WriteLine("  " + email);
                }

                Console.WriteLine();
            }
        }
    }
}

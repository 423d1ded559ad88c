using System.CommandLine;
using CareReady.Core.Data;
using CareReady.Core.Demo;
using CareReady.Core.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

public static class SeedCommand
{
    public static Command Create()
    {
        var staff = new Option<int>("--staff") { Description = "Number of staff to generate", DefaultValueFactory = _ => DemoOptions.DefaultStaffCount };
        var seed = new Option<int>("--seed") { Description = "Random seed (same seed, same organisation)", DefaultValueFactory = _ => DemoOptions.DefaultSeed };
        var password = new Option<string>("--password") { Description = "Password for the demo accounts", DefaultValueFactory = _ => DemoOptions.DefaultPassword };

        var demo = new Command("demo", "Create the fictional demo trust (Thameside University Hospitals, code RZZ) with staff, rules, training history and demo accounts");
        demo.Options.Add(staff);
        demo.Options.Add(seed);
        demo.Options.Add(password);
        demo.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseMigrator.MigrateAsync(db, ct);
            var today = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            var options = new DemoOptions(parse.GetValue(seed), parse.GetValue(staff), today, parse.GetValue(password)!);
            var started = System.Diagnostics.Stopwatch.StartNew();
            var result = await DemoSeeder.SeedAsync(db, scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>(), options, ct);
            Console.WriteLine(result.ToString());
            Console.WriteLine($"Done in {started.Elapsed.TotalSeconds:0.0} s.");
            return 0;
        });

        var command = new Command("seed", "Load data into the database");
        command.Subcommands.Add(demo);
        return command;
    }
}

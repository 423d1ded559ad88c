using System.CommandLine;
using CareReady.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

public static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Bring the database to the current schema and load the national reference data");
        command.SetAction(async (_, ct) =>
        {
            await using var services = CliHost.Build();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseMigrator.MigrateAsync(db, ct);
            Console.WriteLine($"Database is up to date ({services.GetRequiredService<DatabaseOptions>().Provider}).");
            return 0;
        });
        return command;
    }
}

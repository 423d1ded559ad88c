using System.CommandLine;
using CareReady.Core.Data;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary><c>careready org create --code RXX --name "…"</c>: the first step of a real (non-demo) installation.</summary>
public static class OrganisationCommand
{
    public static Command Create()
    {
        var code = new Option<string>("--code") { Description = "ODS-style organisation code, e.g. RXX", Required = true };
        var name = new Option<string>("--name") { Description = "Organisation name", Required = true };
        var create = new Command("create", "Create an organisation");
        create.Options.Add(code);
        create.Options.Add(name);
        create.SetAction(async (parse, ct) =>
        {
            var codeValue = parse.GetValue(code)!.Trim().ToUpperInvariant();
            var nameValue = parse.GetValue(name)!.Trim();
            if (codeValue.Length is < 3 or > 16 || !codeValue.All(char.IsAsciiLetterOrDigit))
            {
                await Console.Error.WriteLineAsync("--code must be 3 to 16 letters or digits (an ODS-style code such as RXX).");
                return 2;
            }

            await using var services = CliHost.Build();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseMigrator.MigrateAsync(db, ct);
            if (await db.Organisations.AnyAsync(o => o.Code == codeValue, ct))
            {
                await Console.Error.WriteLineAsync($"An organisation with code {codeValue} already exists.");
                return 1;
            }

            db.Organisations.Add(new Organisation { Code = codeValue, Name = nameValue });
            await db.SaveChangesAsync(ct);
            Console.WriteLine($"Created organisation {codeValue}.");
            return 0;
        });

        var command = new Command("org", "Organisations");
        command.Subcommands.Add(create);
        return command;
    }
}

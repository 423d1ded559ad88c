using System.CommandLine;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Xapi;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary><c>careready lrs-client create --name NAME [--org CODE] [--scope all|read|write]</c>: credentials for a system that sends or reads xAPI statements.</summary>
public static class LrsClientCommand
{
    public static Command Create()
    {
        var name = new Option<string>("--name") { Description = "What the client is, e.g. \"National e-learning\"", Required = true };
        var org = new Option<string?>("--org") { Description = "Organisation code (optional when there is only one)" };
        var scope = new Option<string>("--scope") { Description = "all (default), read or write", DefaultValueFactory = _ => "all" };
        var endpoint = new Option<string>("--endpoint") { Description = "The LRS address printed with the credentials", DefaultValueFactory = _ => Environment.GetEnvironmentVariable("CAREREADY_XAPI_ENDPOINT") ?? "http://localhost:5000/xapi/" };
        var create = new Command("create", "Create an LRS client and print its key, secret and endpoint as JSON (the secret is shown only now)");
        foreach (var option in new Option[] { name, org, scope, endpoint })
        {
            create.Options.Add(option);
        }

        create.SetAction(async (parse, ct) =>
        {
            var scopeValue = parse.GetValue(scope)!;
            if (scopeValue is not ("all" or "read" or "write"))
            {
                await Console.Error.WriteLineAsync($"--scope must be all, read or write, not '{scopeValue}'.");
                return 2;
            }

            await using var services = CliHost.Build();
            await using var serviceScope = services.CreateAsyncScope();
            var db = serviceScope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseMigrator.MigrateAsync(db, ct);
            var organisation = await CliOrganisation.ResolveAsync(db, parse.GetValue(org), ct);
            if (organisation is null)
            {
                return 1;
            }

            try
            {
                var credentials = await new CreateLrsClient(db, TimeProvider.System).RunAsync(
                    new CreateLrsClientInput(organisation.Id, parse.GetValue(name)!, scopeValue != "write", scopeValue != "read"), "cli", ct);
                Console.WriteLine(JsonSerializer.Serialize(new { key = credentials.Key, secret = credentials.Secret, endpoint = parse.GetValue(endpoint) }));
                return 0;
            }
            catch (ArgumentException e)
            {
                await Console.Error.WriteLineAsync(e.Message.Split(" (Parameter")[0]);
                return 2;
            }
        });

        var command = new Command("lrs-client", "Credentials for the xAPI Learning Record Store");
        command.Subcommands.Add(create);
        return command;
    }
}

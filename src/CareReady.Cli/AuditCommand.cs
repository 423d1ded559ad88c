using System.CommandLine;
using System.Globalization;
using CareReady.Core.Audit;
using CareReady.Core.Data;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary><c>careready audit verify</c>: checks every audit chain and names the first broken entry of each.</summary>
public static class AuditCommand
{
    public static Command Create()
    {
        var verify = new Command("verify", "Check the audit trail: every entry's hash, the links between entries, no gaps, and each chain's head. Exit code 1 when any chain is broken");
        verify.SetAction(async (_, ct) =>
        {
            await using var services = CliHost.Build();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            await DatabaseMigrator.MigrateAsync(db, ct);

            var chains = await scope.ServiceProvider.GetRequiredService<VerifyAuditTrail>().RunAsync(ct);
            if (chains.Count == 0)
            {
                Console.WriteLine("The audit trail is empty.");
                return 0;
            }

            foreach (var chain in chains)
            {
                Console.WriteLine(Describe(chain));
            }

            var broken = chains.Count(c => !c.Intact);
            if (broken > 0)
            {
                await Console.Error.WriteLineAsync($"{broken} of {chains.Count} audit chain(s) broken.");
                return 1;
            }

            return 0;
        });

        var command = new Command("audit", "The tamper-evident audit trail");
        command.Subcommands.Add(verify);
        return command;
    }

    /// <summary>"RZZ: 1234 entries, intact" or "RZZ: BROKEN at entry 567 (sequence 89): hash does not match its contents …".</summary>
    public static string Describe(AuditChainResult chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        if (chain.Break is not { } broken)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{chain.Label}: {chain.Entries} {(chain.Entries == 1 ? "entry" : "entries")}, intact");
        }

        var where = broken switch
        {
            { EntryId: long id, Sequence: long sequence } => string.Create(CultureInfo.InvariantCulture, $" at entry {id} (sequence {sequence})"),
            { EntryId: long id } => string.Create(CultureInfo.InvariantCulture, $" at entry {id}"),
            _ => "",
        };
        return $"{chain.Label}: BROKEN{where}: {broken.Problem}";
    }
}

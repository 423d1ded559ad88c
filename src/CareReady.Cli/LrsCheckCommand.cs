using System.CommandLine;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Core.Xapi;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary>
/// <c>careready lrs-check [--json]</c>: how the database is set for the LRS's statement writes — durability, memory for the
/// pages every write lands on, checkpoints (ADR 0029). Reads only; exit code 0 whatever it advises.
/// </summary>
public static class LrsCheckCommand
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object (the facts and the advice) instead of text" };
        var command = new Command("lrs-check", "Check PostgreSQL's settings for the Learning Record Store's writes and say what to change") { json };
        command.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build();
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var facts = await LrsDatabaseCheck.ReadAsync(db, ct);
            var advice = facts is null ? [] : LrsDatabaseCheck.Advise(facts);
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new { provider = facts is null ? "Sqlite" : "Postgres", facts, advice }, JsonOptions));
                return 0;
            }

            if (facts is null)
            {
                Console.WriteLine("The database is SQLite: this check is for PostgreSQL, the store for a trust's LRS.");
                return 0;
            }

            Console.WriteLine($"Statements (estimate): {facts.Statements:N0}");
            Console.WriteLine($"Statement-id and registration indexes: {LrsDatabaseCheck.Size(facts.RandomIndexBytes)}; index rows' key: {LrsDatabaseCheck.Size(facts.IndexRowKeyBytes)}");
            Console.WriteLine($"shared_buffers {LrsDatabaseCheck.Size(facts.SharedBuffersBytes)}, checkpoint_timeout {facts.CheckpointTimeoutSeconds}s, max_wal_size {facts.MaxWalSize}, " +
                $"wal_compression {facts.WalCompression}, fsync {facts.Fsync}, synchronous_commit {facts.SynchronousCommit}, full_page_writes {facts.FullPageWrites}");
            Console.WriteLine(advice.Count == 0 ? "Nothing to change." : string.Join(Environment.NewLine, advice.Select(a => "- " + a)));
            return 0;
        });
        return command;
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);
}

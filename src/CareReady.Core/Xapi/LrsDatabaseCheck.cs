using System.Globalization;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareReady.Core.Xapi;

/// <summary>What PostgreSQL holds for the LRS and how it is set, as read by <see cref="LrsDatabaseCheck"/>.</summary>
/// <param name="Statements">PostgreSQL's estimate of the stored statements (the planner's row count).</param>
/// <param name="RandomIndexBytes">The statement-id and registration indexes: every statement written lands on a random page of each.</param>
/// <param name="IndexRowKeyBytes">The index rows' key (agents, activities): a statement lands on the last page of each of its keys.</param>
/// <param name="SharedBuffersBytes">PostgreSQL's <c>shared_buffers</c>.</param>
/// <param name="CheckpointTimeoutSeconds">PostgreSQL's <c>checkpoint_timeout</c>.</param>
public sealed record LrsDatabaseFacts(long Statements, long RandomIndexBytes, long IndexRowKeyBytes, long SharedBuffersBytes, int CheckpointTimeoutSeconds,
    string MaxWalSize, string WalCompression, string Fsync, string SynchronousCommit, string FullPageWrites);

/// <summary>
/// Checks a PostgreSQL database for the LRS's statement writes (ADR 0029): durability settings, memory for the pages every
/// write lands on, and checkpoints. Measured on the bench store (16M–22M statements, 2.0–2.4 GB of such indexes): with
/// <c>shared_buffers</c> at 2 GB, once the buffers were full of changed pages the backends wrote them out themselves and
/// batches of 100 fell to a median of ~3,600 statements/s; at 6 GB they held at ~5,200/s, and single statements at 32
/// clients gained too. After each checkpoint the first change of every page logs a whole copy of it (full-page images: 300,000 in
/// the first minute after one at 16M), so fewer checkpoints and compressed images cost the writes less.
/// </summary>
public static class LrsDatabaseCheck
{
    /// <summary><c>shared_buffers</c> advised per byte of the random-insert indexes (6 GB measured well for 2.0–2.4 GB; 2 GB did not).</summary>
    public const int BuffersPerRandomIndexByte = 3;

    /// <summary>The shortest <c>checkpoint_timeout</c> not remarked on.</summary>
    public static readonly TimeSpan ShortestCheckpointInterval = TimeSpan.FromMinutes(15);

    /// <summary>The facts, or null on SQLite (the advice is PostgreSQL's).</summary>
    public static async Task<LrsDatabaseFacts?> ReadAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            return null;
        }

        var statement = db.Model.FindEntityType(typeof(XapiStatement))!;
        var random = statement.GetIndexes()
            .Where(i => i.Properties.Any(p => p.Name is nameof(XapiStatement.StatementId) or nameof(XapiStatement.Registration)))
            .Select(i => i.GetDatabaseName()!)
            .ToArray();
        var keyIndex = db.Model.FindEntityType(typeof(XapiStatementRef))!.FindPrimaryKey()!.GetName()!;

        // PostgreSQL only, so Npgsql's own types; the context's connection, opened and closed here.
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand("""
                SELECT greatest((SELECT reltuples FROM pg_class WHERE oid = to_regclass('"XapiStatements"')), 0)::bigint,
                       coalesce((SELECT sum(pg_relation_size(to_regclass(quote_ident(n)))) FROM unnest($1) n), 0)::bigint,
                       coalesce(pg_relation_size(to_regclass(quote_ident($2))), 0),
                       pg_size_bytes(current_setting('shared_buffers')),
                       (SELECT setting::int FROM pg_settings WHERE name = 'checkpoint_timeout'),
                       current_setting('max_wal_size'), current_setting('wal_compression'), current_setting('fsync'),
                       current_setting('synchronous_commit'), current_setting('full_page_writes')
                """, connection)
            {
                Parameters = { new() { Value = random }, new() { Value = keyIndex } },
            };
            await using var reader = await command.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            return new LrsDatabaseFacts(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt32(4),
                reader.GetString(5), reader.GetString(6), reader.GetString(7), reader.GetString(8), reader.GetString(9));
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>What to change, most important first; empty when nothing is remarked on.</summary>
    public static IReadOnlyList<string> Advise(LrsDatabaseFacts facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        var advice = new List<string>();
        if (facts.Fsync == "off")
        {
            advice.Add("fsync is off: a crash of the server can lose or corrupt stored statements. Turn it on (fsync = on).");
        }

        if (facts.SynchronousCommit == "off")
        {
            advice.Add("synchronous_commit is off: statements the LRS has answered 200 for can be lost in a crash. Leave it on; the LRS " +
                "already commits large groups without waiting and answers them only once they are on disk.");
        }

        if (facts.FullPageWrites == "off")
        {
            advice.Add("full_page_writes is off: a crash during a page write can leave an index torn. Turn it on, and see wal_compression below.");
        }

        var wanted = facts.RandomIndexBytes * BuffersPerRandomIndexByte;
        if (facts.SharedBuffersBytes < wanted)
        {
            advice.Add(string.Create(CultureInfo.InvariantCulture,
                $"shared_buffers is {Size(facts.SharedBuffersBytes)}; every statement written lands on a random page of the statement-id and registration indexes ({Size(facts.RandomIndexBytes)} now). Give it at least {Size(wanted)} ({BuffersPerRandomIndexByte} times those indexes) as the store grows, or writes slow down once the buffers are full of changed pages."));
        }

        if (facts.CheckpointTimeoutSeconds < ShortestCheckpointInterval.TotalSeconds)
        {
            advice.Add(string.Create(CultureInfo.InvariantCulture,
                $"checkpoint_timeout is {facts.CheckpointTimeoutSeconds / 60.0:0.#} min (max_wal_size {facts.MaxWalSize}): after each checkpoint the first change of every index page writes a whole copy of it to the WAL. Consider 30min with a max_wal_size large enough that checkpoints come from the timeout (e.g. 16GB), at the cost of a longer recovery after a crash."));
        }

        if (facts.WalCompression == "off")
        {
            advice.Add("wal_compression is off: compressing those page copies (lz4, or pglz where the server lacks lz4) wrote about a third less WAL on the bench store.");
        }

        return advice;
    }

    /// <summary>Bytes in GB (one decimal) from 1 GB, else in MB.</summary>
    public static string Size(long bytes) => bytes >= 1L << 30
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 30):0.#} GB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / (double)(1L << 20):0} MB");
}

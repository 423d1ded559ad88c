using CareReady.Core.Data;
using Npgsql;

namespace CareReady.Core.Xapi;

/// <summary>
/// The PostgreSQL connections of the statement writer's one-round-trip groups and their flushes (<see cref="PlainGroupWrite"/>):
/// a pool of their own, from the app's connection string with <c>No Reset On Close</c> and, unless the string names one,
/// the application name <see cref="ApplicationName"/> (so an operator can tell the writer apart in <c>pg_stat_activity</c>).
/// Npgsql resets a pooled connection when it is next used after being returned — seven statements (reset the session's
/// authorisation and settings, close cursors, unlisten, unlock all advisory locks, discard sequences and temporary
/// tables) sent ahead of the next command, which PostgreSQL ran on the writer's critical path once per group. Nothing the writer does leaves
/// session state: its settings are <c>set_config(…, true)</c> (this transaction only), its advisory lock is
/// transaction-scoped, and its prepared statements are meant to stay. See ADR 0028. Singleton; the pool is made on first use.
/// </summary>
public sealed class StatementWriterConnections(DatabaseOptions options) : IAsyncDisposable
{
    public const string ApplicationName = "careready-lrs-writer";

    /// <summary>The most connections the writer's pool opens (fewer if the connection string's <c>Maximum Pool Size</c> is lower).</summary>
    public const int MaxConnections = 8;

    private readonly Lazy<NpgsqlDataSource> _source = new(() => NpgsqlDataSource.Create(ConnectionString(options)));

    /// <summary>An open connection of the writer's pool; disposing it returns it to the pool as it is.</summary>
    public ValueTask<NpgsqlConnection> OpenAsync(CancellationToken ct) => _source.Value.OpenConnectionAsync(ct);

    internal static string ConnectionString(DatabaseOptions options)
    {
        var builder = new NpgsqlConnectionStringBuilder(DatabaseSetup.WithAutoPrepare(options).ConnectionString) { NoResetOnClose = true };
        // Two groups in flight and the flushes of large groups (ADR 0027): a few connections at most.
        builder.MaxPoolSize = Math.Min(builder.MaxPoolSize, MaxConnections);
        if (string.IsNullOrEmpty(builder.ApplicationName))
        {
            builder.ApplicationName = ApplicationName;
        }

        return builder.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (_source.IsValueCreated)
        {
            await _source.Value.DisposeAsync();
        }
    }
}

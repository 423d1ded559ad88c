using CareReady.Core.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareReady.Web.Tests.Infrastructure;

/// <summary>
/// Gives each test its own, already-migrated database: a copy of a migrated SQLite template file, or
/// a PostgreSQL database created from a migrated template database (fast: a file copy on the server).
/// PostgreSQL comes from the throwaway cluster that scripts/test.sh starts (CAREREADY_TEST_POSTGRES).
/// </summary>
public static class TestDatabases
{
    public const string PostgresVariable = "CAREREADY_TEST_POSTGRES";
    private static readonly string Folder = Path.Combine(Path.GetTempPath(), "careready-tests-" + Environment.ProcessId);
    private static readonly Lazy<Task<string>> SqliteTemplate = new(CreateSqliteTemplateAsync);
    private static readonly Lazy<Task<string>> PostgresTemplate = new(CreatePostgresTemplateAsync);

    public static async Task<DatabaseOptions> CreateAsync(DatabaseProvider provider)
    {
        var name = "t" + Guid.NewGuid().ToString("N")[..16];
        if (provider == DatabaseProvider.Sqlite)
        {
            var template = await SqliteTemplate.Value;
            var file = Path.Combine(Folder, name + ".db");
            File.Copy(template, file);
            return new DatabaseOptions(provider, $"Data Source={file};Pooling=False");
        }

        var templateName = await PostgresTemplate.Value;
        await using (var admin = new NpgsqlConnection(ServerConnectionString()))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name} TEMPLATE {templateName}", admin);
            await create.ExecuteNonQueryAsync();
        }

        return new DatabaseOptions(provider, new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = name }.ConnectionString);
    }

    /// <summary>Removes a database made by <see cref="CreateAsync"/>: the SQLite file (and its journal files) or the PostgreSQL database, closing whatever is still connected to it.</summary>
    public static async Task DropAsync(DatabaseOptions database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var file = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            SqliteConnection.ClearAllPools();
            foreach (var path in new[] { file, file + "-wal", file + "-shm", file + "-journal" })
            {
                try
                {
                    File.Delete(path);
                }
                catch (IOException)
                {
                    // Still open somewhere (a client the test did not dispose): the folder goes when the run ends.
                }
            }

            return;
        }

        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database;
        await using (var connection = new NpgsqlConnection(database.ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }

        await using var admin = new NpgsqlConnection(ServerConnectionString());
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    public static string ServerConnectionString() =>
        Environment.GetEnvironmentVariable(PostgresVariable)
        ?? throw new InvalidOperationException(
            $"The PostgreSQL tests need {PostgresVariable} (a connection string to a server where databases may be created). " +
            "Run scripts/test.sh, which starts a throwaway cluster and sets it.");

    private static async Task<string> CreateSqliteTemplateAsync()
    {
        Directory.CreateDirectory(Folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => DeleteFolder();
        var file = Path.Combine(Folder, "template.db");
        var options = new DatabaseOptions(DatabaseProvider.Sqlite, $"Data Source={file};Pooling=False");
        await using (var db = DatabaseSetup.CreateContext(options))
        {
            await DatabaseMigrator.MigrateAsync(db);
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);");
        }

        SqliteConnection.ClearAllPools();
        return file;
    }

    private static void DeleteFolder()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open as the process ends; /tmp is cleared with the machine.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task<string> CreatePostgresTemplateAsync()
    {
        var name = "careready_template_" + Environment.ProcessId;
        await using (var admin = new NpgsqlConnection(ServerConnectionString()))
        {
            await admin.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {name}", admin);
            await drop.ExecuteNonQueryAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", admin);
            await create.ExecuteNonQueryAsync();
        }

        var builder = new NpgsqlConnectionStringBuilder(ServerConnectionString()) { Database = name, Pooling = false };
        await using (var db = DatabaseSetup.CreateContext(new DatabaseOptions(DatabaseProvider.Postgres, builder.ConnectionString)))
        {
            await DatabaseMigrator.MigrateAsync(db);
        }

        NpgsqlConnection.ClearAllPools();
        return name;
    }
}

/// <summary>Theory data: every HTTP test runs once per database provider.</summary>
public static class Providers
{
    public static TheoryData<DatabaseProvider> All => new() { DatabaseProvider.Sqlite, DatabaseProvider.Postgres };
}

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Which database to use; read the same way by the web app, the CLI and the tests.</summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultSqliteConnectionString = "Data Source=data/careready.db";

    /// <summary>Reads <c>Database:Provider</c> (Sqlite | Postgres) and <c>ConnectionStrings:CareReady</c>.</summary>
    public static DatabaseOptions FromConfiguration(IConfiguration configuration)
    {
        var providerText = configuration["Database:Provider"];
        DatabaseProvider provider;
        if (string.IsNullOrWhiteSpace(providerText))
        {
            provider = DatabaseProvider.Sqlite;
        }
        else if (!Enum.TryParse(providerText, ignoreCase: true, out provider))
        {
            throw new InvalidOperationException(
                $"Database:Provider is '{providerText}'; expected 'Sqlite' or 'Postgres'.");
        }

        var connectionString = configuration.GetConnectionString("CareReady");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            connectionString = provider == DatabaseProvider.Sqlite
                ? DefaultSqliteConnectionString
                : throw new InvalidOperationException(
                    "Database:Provider is Postgres but ConnectionStrings:CareReady is not set.");
        }

        return new DatabaseOptions(provider, connectionString);
    }
}

public static class DatabaseSetup
{
    public const string SqliteMigrationsAssembly = "CareReady.Migrations.Sqlite";
    public const string PostgresMigrationsAssembly = "CareReady.Migrations.Postgres";

    public static IServiceCollection AddCareReadyDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        var effective = WithAutoPrepare(options); // once: the options action below runs for every DbContext
        services.AddDbContext<AppDbContext>((provider, b) =>
        {
            Configure(b, effective);
            // The audit trail (AuditSetup.AddCareReadyAudit): scoped, so it carries the scope's actor.
            if (provider.GetService<Audit.AuditInterceptor>() is { } audit)
            {
                b.AddInterceptors(audit);
            }
        });
        return services;
    }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseOptions options)
    {
        switch (options.Provider)
        {
            case DatabaseProvider.Sqlite:
                EnsureSqliteFolder(options.ConnectionString);
                builder.UseSqlite(options.ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly));
                break;
            case DatabaseProvider.Postgres:
                builder.UseNpgsql(options.ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly));
                break;
            default:
                throw new InvalidOperationException("Unknown database provider " + options.Provider);
        }
    }

    /// <summary>
    /// Npgsql prepares a query once it has run a few times on a connection (<c>Max Auto Prepare</c>), so PostgreSQL does
    /// not parse and plan the same query on every request — the LRS runs the same few queries thousands of times a second.
    /// A connection string that sets it (e.g. <c>Max Auto Prepare=0</c> behind a pooler that cannot keep prepared
    /// statements) is left as it is.
    /// </summary>
    internal static DatabaseOptions WithAutoPrepare(DatabaseOptions options) =>
        options.Provider != DatabaseProvider.Postgres
        || options.ConnectionString.Contains("Auto Prepare", StringComparison.OrdinalIgnoreCase)
        || options.ConnectionString.Contains("AutoPrepare", StringComparison.OrdinalIgnoreCase)
            ? options
            : options with { ConnectionString = new Npgsql.NpgsqlConnectionStringBuilder(options.ConnectionString) { MaxAutoPrepare = 100 }.ConnectionString };

    public static AppDbContext CreateContext(DatabaseOptions options)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        Configure(builder, WithAutoPrepare(options));
        return new AppDbContext(builder.Options);
    }

    /// <summary>Creates the folder of a relative SQLite file ("data/careready.db") on first use.</summary>
    private static void EnsureSqliteFolder(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.Ordinal))
        {
            return;
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }
    }
}

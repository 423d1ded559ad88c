using CareReady.Core.Data;
using CareReady.Core.Workforce;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary>
/// The start a command that acts on one organisation shares: the services, the database brought to the current
/// schema, and the organisation chosen by <c>--org</c> (or the only one). Dispose it when the command is done.
/// </summary>
public sealed class CliSession : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly AsyncServiceScope _scope;

    private CliSession(ServiceProvider services, AsyncServiceScope scope, AppDbContext db, Organisation organisation)
    {
        _services = services;
        _scope = scope;
        Db = db;
        Organisation = organisation;
    }

    public IServiceProvider Services => _scope.ServiceProvider;
    public AppDbContext Db { get; }
    public Organisation Organisation { get; }

    /// <returns>The session, or null after printing why no organisation could be chosen (exit code 2).</returns>
    public static async Task<CliSession?> OpenAsync(string? organisationCode, CancellationToken ct)
    {
        var services = CliHost.Build();
        var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await DatabaseMigrator.MigrateAsync(db, ct);
        if (await CliOrganisation.ResolveAsync(db, organisationCode, ct) is { } organisation)
        {
            return new CliSession(services, scope, db, organisation);
        }

        await scope.DisposeAsync();
        await services.DisposeAsync();
        return null;
    }

    /// <summary>False after printing "File not found" (exit code 2).</summary>
    public static async Task<bool> ExistsAsync(FileSystemInfo path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Exists)
        {
            return true;
        }

        await Console.Error.WriteLineAsync($"File not found: {path.FullName}");
        return false;
    }

    public async ValueTask DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _services.DisposeAsync();
    }
}

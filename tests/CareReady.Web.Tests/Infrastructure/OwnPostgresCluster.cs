using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace CareReady.Web.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL cluster of a test's own, with the server's durable defaults (fsync, synchronous_commit, full_page_writes
/// on) — unlike the shared throwaway cluster of scripts/test.sh, which trades them for speed — so a test may crash it
/// (<see cref="CrashAsync"/>) and start it again. It runs as the <c>postgres</c> user when the tests run as root
/// (PostgreSQL refuses root), on a free loopback port, and is removed when disposed.
/// </summary>
public sealed class OwnPostgresCluster : IAsyncDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly int _port;

    private OwnPostgresCluster(string bin, string folder, int port)
    {
        (_bin, _folder, _port) = (bin, folder, port);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={_port};Username=postgres;Database={database};Pooling=true;Maximum Pool Size=20";

    public static async Task<OwnPostgresCluster> StartAsync()
    {
        var bin = Directory.GetDirectories("/usr/lib/postgresql")
            .Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb")))
            .OrderBy(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
            .LastOrDefault() ?? throw new InvalidOperationException("PostgreSQL's server programs are not installed (scripts/test.sh installs them).");
        var folder = Directory.CreateTempSubdirectory("careready-own-pg-").FullName;
        if (Environment.UserName == "root")
        {
            await RunAsync("chown", ["postgres", folder], asPostgres: false);
        }

        var cluster = new OwnPostgresCluster(bin, folder, FreePort());
        await cluster.PgAsync("initdb", ["-D", cluster.Data, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"]);
        await cluster.StartServerAsync();
        return cluster;
    }

    private string Data => Path.Combine(_folder, "data");

    /// <summary>Kills the server the way a crash does (no checkpoint, shared memory thrown away); the next start recovers from the WAL.</summary>
    public Task CrashAsync() => PgAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "stop"]);

    /// <summary>
    /// Stops PostgreSQL's WAL writer (SIGSTOP) until the next crash: WAL then reaches the disk only when a backend writes
    /// it itself — a synchronous commit, or full WAL buffers — so a commit that did not wait for the disk is still only in
    /// shared memory, and lost in a crash.
    /// </summary>
    public async Task PauseWalWriterAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var query = new NpgsqlCommand("SELECT pid FROM pg_stat_activity WHERE backend_type = 'walwriter'", connection);
        var pid = (int)(await query.ExecuteScalarAsync())!;
        await RunAsync("kill", ["-STOP", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)], asPostgres: false);
    }

    public Task StartServerAsync() => PgAsync("pg_ctl", ["-D", Data, "-l", Path.Combine(_folder, "server.log"), "-w",
        "-o", $"-p {_port} -k {_folder} -c listen_addresses=127.0.0.1 -c max_connections=100", "start"]);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await PgAsync("pg_ctl", ["-D", Data, "-m", "immediate", "-w", "stop"]);
        }
        catch (InvalidOperationException)
        {
            // Already stopped.
        }

        Directory.Delete(_folder, recursive: true);
    }

    private Task PgAsync(string program, string[] arguments) => RunAsync(Path.Combine(_bin, program), arguments, asPostgres: true);

    private static async Task RunAsync(string program, string[] arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres && Environment.UserName == "root" ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        if (start.FileName == "runuser")
        {
            foreach (var a in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} failed ({process.ExitCode}): {await error}{await output}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

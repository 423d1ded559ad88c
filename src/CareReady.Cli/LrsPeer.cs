using System.Diagnostics;

namespace CareReady.Cli;

/// <summary>
/// Learning Locker's statements service (npm <c>xapi-statements</c>) started for <c>careready bench lrs --peer</c>:
/// its in-memory models and test authentication, on a loopback port; stopped (with its children) when disposed.
/// </summary>
public sealed class LrsPeer : IDisposable
{
    private readonly Process _process;

    private LrsPeer(Process process) => _process = process;

    public static async Task<LrsPeer> StartAsync(string folder, int port, CancellationToken ct)
    {
        var entry = Path.Combine(Path.GetFullPath(folder), "node_modules", "xapi-statements", "dist", "index.js");
        if (!File.Exists(entry))
        {
            throw new InvalidOperationException($"{entry} is missing: run `npm ci --prefix {folder}` first.");
        }

        var storage = Directory.CreateTempSubdirectory("careready-lrs-peer-").FullName;
        var start = new ProcessStartInfo("node", ["--max-old-space-size=12288", entry])
        {
            WorkingDirectory = storage,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (key, value) in new Dictionary<string, string>
        {
            ["EXPRESS_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["AUTH_REPO"] = "test", ["EVENTS_REPO"] = "test", ["MODELS_REPO"] = "memory", ["STORAGE_REPO"] = "local",
            ["FS_LOCAL_STORAGE_DIR"] = storage, ["EXPRESS_MORGAN_DIRECTORY"] = Path.Combine(storage, "accessLogs"),
            ["WINSTON_CONSOLE_LEVEL"] = "error", ["SERVICE_AWAIT_UPDATES"] = "true", ["EXPRESS_BODY_PARSER_LIMIT"] = "50mb",
        })
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var peer = new LrsPeer(process);
        using var probe = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (process.HasExited)
            {
                break;
            }

            try
            {
                using var response = await probe.GetAsync(new Uri($"http://127.0.0.1:{port}/xAPI/about"), ct);
                if (response.IsSuccessStatusCode)
                {
                    return peer;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested)
            {
            }

            await Task.Delay(250, ct);
        }

        peer.Dispose();
        throw new InvalidOperationException($"xapi-statements did not answer on port {port}.");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }

        _process.Dispose();
    }
}

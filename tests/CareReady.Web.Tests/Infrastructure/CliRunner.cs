using System.Diagnostics;
using System.Text;
using System.Text.Json;

namespace CareReady.Web.Tests.Infrastructure;

/// <summary>Runs the real <c>careready</c> command (src/CareReady.Cli, built by this project's reference) against a test app's database.</summary>
internal static class CliRunner
{
    public sealed record Run(int ExitCode, string StdOut, string StdErr)
    {
        public override string ToString() => $"exit code {ExitCode}\n{StdOut}\n{StdErr}";

        /// <summary>The JSON object a command prints as its last line (the commands' machine-readable result).</summary>
        public JsonElement LastLineJson()
        {
            using var document = JsonDocument.Parse(StdOut.TrimEnd().Split('\n')[^1]);
            return document.RootElement.Clone();
        }
    }

    /// <param name="app">The test app whose database the command acts on.</param>
    /// <param name="workingDirectory">Where to run (none: a fresh temporary folder, removed afterwards).</param>
    /// <param name="args">The command line after <c>careready</c>.</param>
    public static async Task<Run> RunAsync(TestApp app, string? workingDirectory, params string[] args)
    {
        var folder = workingDirectory is null ? Directory.CreateTempSubdirectory("careready-cli-") : null;
        try
        {
            var start = new ProcessStartInfo(DotnetHost())
            {
                WorkingDirectory = workingDirectory ?? folder!.FullName, // no appsettings.json here: the environment alone configures the database
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                StandardOutputEncoding = Encoding.UTF8,
                StandardErrorEncoding = Encoding.UTF8,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(CliAssemblyPath());
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["Database__Provider"] = app.Database.Provider.ToString();
            start.Environment["ConnectionStrings__CareReady"] = app.Database.ConnectionString;

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw;
            }

            return new Run(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            folder?.Delete(recursive: true);
        }
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        if (!string.IsNullOrEmpty(host) && File.Exists(host))
        {
            return host;
        }

        var self = Environment.ProcessPath;
        return self is not null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
    }

    /// <summary>src/CareReady.Cli/bin/&lt;configuration&gt;/net10.0/careready.dll, for the configuration these tests were built in.</summary>
    private static string CliAssemblyPath()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "CareReady.slnx")))
        {
            root = root.Parent;
        }

        Assert.True(root is not null, "CareReady.slnx not found above " + testOutput.FullName);
        var dll = Path.Combine(root.FullName, "src", "CareReady.Cli", "bin", configuration, framework, "careready.dll");
        Assert.True(File.Exists(dll), $"{dll} not found; the test project's reference to CareReady.Cli builds it");
        return dll;
    }
}

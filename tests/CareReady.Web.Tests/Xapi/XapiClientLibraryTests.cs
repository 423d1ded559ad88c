using System.Diagnostics;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Core.Xapi;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Xapi;

/// <summary>
/// A real xAPI client library (npm <c>@xapi/xapi</c>, installed in tests/xapi-client by scripts/test.sh)
/// against the app on a Kestrel port: statements sent one and in a batch, read back by id, with filters
/// and the <c>more</c> link, and State written, read and replaced with If-Match.
/// </summary>
public class XapiClientLibraryTests
{
    private static string ClientFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "CareReady.slnx")))
            {
                return Path.Combine(dir.FullName, "tests", "xapi-client");
            }
        }

        throw new InvalidOperationException("CareReady.slnx not found above " + AppContext.BaseDirectory);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_xapi_client_library_sends_reads_filters_and_keeps_state(DatabaseProvider provider)
    {
        var folder = ClientFolder();
        Assert.True(Directory.Exists(Path.Combine(folder, "node_modules", "@xapi", "xapi")),
            $"The client library is not installed: run `npm --prefix {folder} ci` (scripts/test.sh does).");
        await using var app = await TestApp.StartAsync(provider, realServer: true);
        LrsCredentials credentials;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            credentials = await scope.ServiceProvider.GetRequiredService<CreateLrsClient>()
                .RunAsync(new CreateLrsClientInput(app.Data.OrgA, "Client library test", true, true), "test");
        }

        var start = new ProcessStartInfo("node") { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "client.mjs", new Uri(app.BaseUrl!, "/xapi/").ToString(), credentials.Key, credentials.Secret })
        {
            start.ArgumentList.Add(argument);
        }

        using var node = Process.Start(start)!;
        var output = node.StandardOutput.ReadToEndAsync();
        var error = node.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await node.WaitForExitAsync(timeout.Token);
        Assert.True(node.ExitCode == 0, $"node client.mjs failed ({node.ExitCode}): {await error}\n{await output}");

        var result = JsonNode.Parse((await output).Trim().Split('\n')[^1])!;
        Assert.Equal(1, result["sentOne"]!.GetValue<int>());
        Assert.Equal(3, result["sentBatch"]!.GetValue<int>());
        Assert.Equal("http://adlnet.gov/expapi/verbs/passed", result["readById"]!.GetValue<string>());
        Assert.Equal(2, result["byAgentFirstPage"]!.GetValue<int>());
        Assert.True(result["byAgentHasMore"]!.GetValue<bool>());
        Assert.Equal(2, result["byAgentSecondPage"]!.GetValue<int>());
        Assert.Equal(["passed", "attempted"], result["byActivity"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.Equal(1, result["byVerbAndRegistration"]!.GetValue<int>());
        Assert.Equal(2, result["relatedAscending"]!.GetValue<int>());
        Assert.Equal(3, result["state"]!["page"]!.GetValue<int>());
        Assert.True(result["stateEtag"]!.GetValue<bool>());
        Assert.Equal("{\"page\":4}", result["updatedState"]!.ToJsonString());
        Assert.Equal(["bookmark"], result["stateIds"]!.AsArray().Select(v => v!.GetValue<string>()));
    }
}

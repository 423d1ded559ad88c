using System.Net;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Xapi;

/// <summary><c>careready lrs-client create</c> prints working credentials for the chosen organisation.</summary>
public class LrsClientCommandTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_command_prints_credentials_that_work_for_that_organisation_only(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var run = await CliRunner.RunAsync(app, null, "lrs-client", "create", "--name", "Moodle", "--org", "RTB", "--endpoint", "https://lrs.example/xapi/");
        Assert.True(run.ExitCode == 0, run.ToString());
        var printed = run.LastLineJson();
        Assert.Equal("https://lrs.example/xapi/", printed.GetProperty("endpoint").GetString());

        var lrs = app.NewClient();
        lrs.DefaultRequestHeaders.Authorization = Lrs.Basic(printed.GetProperty("key").GetString()!, printed.GetProperty("secret").GetString()!);
        lrs.DefaultRequestHeaders.Add("X-Experience-API-Version", "1.0.3");
        var statement = Lrs.Statement();
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, statement)).StatusCode);
        var a = await Lrs.ClientAsync(app, app.Data.OrgA);
        Assert.Equal(HttpStatusCode.NotFound, (await a.GetAsync("/xapi/statements?statementId=" + statement["id"])).StatusCode);
    }
}

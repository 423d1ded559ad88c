using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Tests.Xapi;

/// <summary>
/// <c>careready bench lrs</c> against a running server: it fills the store to the size asked for, prints the figures as
/// one JSON object, and reports the store's size exactly — on PostgreSQL read from the ends of the Seq index rather than
/// counted row by row, less another organisation's statements.
/// </summary>
public sealed class BenchLrsCommandTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_benchmark_fills_the_store_and_reports_its_size_without_counting_other_organisations(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, realServer: true);
        // Another organisation's statements share the Seq order with the bench organisation's.
        var other = await Lrs.ClientAsync(app, app.Data.OrgA);
        other.BaseAddress = app.BaseUrl;
        var response = await Lrs.PostAsync(other, new JsonArray(Lrs.Statement(), Lrs.Statement(), Lrs.Statement()));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var first = await BenchAsync(app, statements: 120);
        Assert.Equal(120, first.GetProperty("store_statements").GetInt64());
        Assert.Equal(provider.ToString(), first.GetProperty("provider").GetString());
        foreach (var batch in new[] { "batch1", "batch10", "batch100" })
        {
            Assert.True(first.GetProperty("post_per_s").GetProperty(batch).GetDouble() > 0, batch);
        }

        // The timed runs stored more; the next run finds the store larger than asked and reports what is there.
        long benchStatements;
        await using (var db = app.NewDbContext())
        {
            var benchOrg = await db.Organisations.SingleAsync(o => o.Code == "LRSBENCH");
            benchStatements = await db.XapiStatements.LongCountAsync(s => s.OrganisationId == benchOrg.Id);
            Assert.Equal(3, await db.XapiStatements.LongCountAsync(s => s.OrganisationId != benchOrg.Id));
        }

        Assert.True(benchStatements > 120, $"{benchStatements} statements after the timed runs");
        var second = await BenchAsync(app, statements: 10);
        Assert.Equal(benchStatements, second.GetProperty("store_statements").GetInt64());
    }

    private static async Task<JsonElement> BenchAsync(TestApp app, int statements)
    {
        var run = await CliRunner.RunAsync(app, null, "bench", "lrs", "--statements", statements.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--seconds", "1", "--url", app.BaseUrl!.ToString().TrimEnd('/'));
        Assert.True(run.ExitCode == 0, run.ToString());
        return run.LastLineJson();
    }
}

using System.Text.Json.Nodes;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Npgsql;

namespace CareReady.Web.Tests.Xapi;

/// <summary><c>careready lrs-check</c> reads the LRS's PostgreSQL as it is and says what to change (ADR 0029).</summary>
public class LrsCheckCommandTests
{
    [Fact]
    public async Task On_PostgreSQL_it_reports_the_server_s_settings_and_the_write_path_s_indexes_and_flags_what_is_not_durable()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Postgres);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA);
        await Lrs.PostOkAsync(lrs, new JsonArray(Lrs.Statement(), Lrs.Statement()));

        var run = await CliRunner.RunAsync(app, null, "lrs-check", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var printed = run.LastLineJson();
        Assert.Equal("Postgres", printed.GetProperty("provider").GetString());
        var facts = printed.GetProperty("facts");
        var advice = printed.GetProperty("advice").EnumerateArray().Select(a => a.GetString()!).ToList();

        // Read here the way an operator would, by the index names PostgreSQL shows.
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT pg_size_bytes(current_setting('shared_buffers')),
                   pg_relation_size('"IX_XapiStatements_OrganisationId_StatementId"') + pg_relation_size('"IX_XapiStatements_OrganisationId_Registration_Seq"'),
                   pg_relation_size('"PK_XapiStatementRefs"'),
                   current_setting('fsync'), current_setting('synchronous_commit'), current_setting('full_page_writes')
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        Assert.Equal(reader.GetInt64(0), facts.GetProperty("sharedBuffersBytes").GetInt64());
        Assert.Equal(reader.GetInt64(1), facts.GetProperty("randomIndexBytes").GetInt64());
        Assert.True(reader.GetInt64(1) > 0);
        Assert.Equal(reader.GetInt64(2), facts.GetProperty("indexRowKeyBytes").GetInt64());
        Assert.Equal(reader.GetString(3) == "off", advice.Any(a => a.StartsWith("fsync is off", StringComparison.Ordinal)));
        Assert.Equal(reader.GetString(4) == "off", advice.Any(a => a.StartsWith("synchronous_commit is off", StringComparison.Ordinal)));
        Assert.Equal(reader.GetString(5) == "off", advice.Any(a => a.StartsWith("full_page_writes is off", StringComparison.Ordinal)));

        var text = await CliRunner.RunAsync(app, null, "lrs-check");
        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("Statement-id and registration indexes:", text.StdOut, StringComparison.Ordinal);
        Assert.All(advice, a => Assert.Contains("- " + a, text.StdOut, StringComparison.Ordinal));
    }

    [Fact]
    public async Task On_SQLite_it_says_the_check_is_for_PostgreSQL()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        var run = await CliRunner.RunAsync(app, null, "lrs-check", "--json");
        Assert.True(run.ExitCode == 0, run.ToString());
        var printed = run.LastLineJson();
        Assert.Equal("Sqlite", printed.GetProperty("provider").GetString());
        Assert.Empty(printed.GetProperty("advice").EnumerateArray());

        var text = await CliRunner.RunAsync(app, null, "lrs-check");
        Assert.Contains("this check is for PostgreSQL", text.StdOut, StringComparison.Ordinal);
    }
}

using System.Net;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CareReady.Web.Tests.Xapi;

/// <summary>
/// After migrating, PostgreSQL has statistics for a column a migration added to a table with records: without them it
/// planned the statement write's lookup of StatementRef targets as a scan of the whole statement table.
/// </summary>
public class MigrationStatisticsTests
{
    [Fact]
    public async Task Migrating_an_existing_database_analyses_it_so_new_columns_have_statistics()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Postgres);
        var lrs = await Lrs.ClientAsync(app, app.Data.OrgA);
        Assert.Equal(HttpStatusCode.OK, (await Lrs.PostAsync(lrs, Lrs.Statement())).StatusCode);
        await using var db = app.NewDbContext();
        var migrations = db.Database.GetMigrations().ToList();
        var added = migrations.FindIndex(m => m.EndsWith("_LrsStatementRefTargets", StringComparison.Ordinal));
        Assert.True(added > 0);

        // Back to the schema before TargetStatementId (the column goes), then forward the way `careready migrate` goes.
        await db.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(migrations[added - 1]);
        await DatabaseMigrator.MigrateAsync(db);

        var nullFraction = await db.Database.SqlQueryRaw<float>(
            """SELECT null_frac AS "Value" FROM pg_stats WHERE tablename = 'XapiStatements' AND attname = 'TargetStatementId'""").ToListAsync();
        Assert.Equal(1f, Assert.Single(nullFraction)); // analysed: every stored statement so far has no StatementRef target
    }
}

using CareReady.Core.Compliance.Engine;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace CareReady.Web.Tests.Compliance;

/// <summary>
/// Benchmark data generated into the real database; the engine loaded from it must give exactly the
/// answers of the reference (<c>ComputeComplianceSnapshot</c>) and, on PostgreSQL, of the SQL baseline.
/// </summary>
public class EngineMatchesReferenceTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Engine_equals_the_reference_snapshot_and_the_SQL_baseline(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider, seed: false);
        await using var db = app.NewDbContext();
        await db.Database.OpenConnectionAsync();
        var today = BenchDataGenerator.DefaultToday;
        var generated = await BenchDataGenerator.GenerateAsync(db, 400, 3, today);
        Assert.Equal(400, generated.Staff);
        Assert.True(generated.Completions > 4000);

        var engine = await ComplianceEngineLoader.LoadAsync(db);
        var org = Assert.Single(engine.OrganisationIds);
        var ward = engine.Departments.First(d => d.Kind == Core.Workforce.DepartmentKind.Ward);
        var facing = engine.AsOf(org, today).Single(u => u.Kind == EngineUnitKind.Organisation).PatientFacing;
        Assert.InRange(facing.People, 1, generated.Staff - 1); // some patient-facing people, not everyone
        Assert.InRange(facing.WithGaps, 1, facing.People - 1);
        foreach (var day in new[] { today, today.AddDays(-45), today.AddDays(-400) })
        {
            Assert.Empty(await EngineComparison.WithReferenceAsync(db, engine, org, null, day));
            Assert.Empty(await EngineComparison.WithReferenceAsync(db, engine, org, ward.Id, day));
            Assert.Empty(await EngineComparison.PatientFacingWithReferenceAsync(db, engine, org, day));
        }

        engine.Recompute(today);
        if (provider != DatabaseProvider.Postgres)
        {
            return;
        }

        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        var baseline = new SqlBaseline(connection);
        await baseline.PrepareAsync();
        var (rows, problems) = await EngineComparison.AllCellsAsync(baseline, engine, today);
        Assert.Empty(problems);
        Assert.Equal(engine.CellCount, rows);
        Assert.Empty(EngineComparison.SameTotals("all", engine.Summary(EngineUnitKind.All), await baseline.AggregateAsync(today, null, null)));
        Assert.Empty(EngineComparison.SameTotals("org", engine.Summary(EngineUnitKind.Organisation, org), await baseline.AggregateAsync(today, org, null)));
        foreach (var d in engine.Departments)
        {
            Assert.Empty(EngineComparison.SameTotals("dept " + d.Id, engine.Summary(EngineUnitKind.Department, d.Id), await baseline.AggregateAsync(today, org, d.Path)));
        }

        var past = today.AddDays(-400);
        Assert.Empty(EngineComparison.SameTotals("org past", engine.AsOf(org, past).Single(u => u.Kind == EngineUnitKind.Organisation),
            await baseline.AggregateAsync(past, org, null)));
    }
}

using CareReady.Core.Analytics;
using CareReady.Core.Data;
using CareReady.Web.Import;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Analytics;

/// <summary>A measure as the API lists it.</summary>
public sealed record MeasureView(string Code, string Name, string Definition, string Unit, bool HigherIsBetter, MeasurePeriod Period, int Values)
{
    public static MeasureView From(PerformanceMeasure m, int values) => new(m.Code, m.Name, m.Definition, m.Unit, m.HigherIsBetter, m.Period, values);
}

/// <summary>The impact view through the API: the one-line summary, the plain words and the per-unit numbers.</summary>
public sealed record ImpactView(ImpactSummary Summary, IReadOnlyList<string> Interpretation, IReadOnlyList<ImpactUnitRow> Units, IReadOnlyList<ImpactPoint> Series);

/// <summary>A goal as the API lists it.</summary>
public sealed record GoalView(int Id, string Name, string Subject, string Unit, decimal TargetPercent, DateOnly DueOn, double? CurrentPercent, double? ForecastPercent, bool OnTrack, bool Met);

/// <summary>
/// Analytics over HTTP (<c>/api/v1/analytics</c>): measures and their values (CSV, all or nothing), training
/// pushes, the impact analysis, dashboard data and CSV exports, strategic goals. Everything is scoped:
/// a manager gets their units' figures only; unknown or out-of-scope codes are 404.
/// </summary>
public static class AnalyticsEndpoints
{
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.AddSingleton<ComplianceHistory>();
        services.AddScoped<SimulationReliance>();
        services.AddScoped<ImportMeasureValues>();
        services.AddScoped<SaveMeasure>();
        services.AddScoped<RecordPush>();
        services.AddScoped<AnalyseImpact>();
        services.AddScoped<LeadershipDashboard>();
        services.AddScoped<StrategicGoals>();
        services.AddScoped<NationalHeatmap>();
        services.AddHostedService<KeepEnginesWarm>();
        return services;
    }

    public static RouteGroupBuilder MapAnalyticsEndpoints(this RouteGroupBuilder api)
    {
        api.MapNationalHeatmapEndpoints();
        var group = api.MapGroup("/analytics").WithTags("Analytics").RequireAuthorization(Policies.AnalyticsReaders);

        group.MapGet("/measures", async (CurrentUser current, AppDbContext db, CancellationToken ct) =>
        {
            var org = (await current.GetScopeAsync(ct)).OrganisationId;
            var counts = await db.MeasureValues.Where(v => v.OrganisationId == org).GroupBy(v => v.MeasureId)
                .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
            var measures = await db.PerformanceMeasures.AsNoTracking().Where(m => m.OrganisationId == org).OrderBy(m => m.Code).ToListAsync(ct);
            return TypedResults.Ok(measures.Select(m => MeasureView.From(m, counts.GetValueOrDefault(m.Id))).ToList());
        }).WithSummary("The organisation's performance measures.");

        group.MapPost("/measures", async Task<Results<Created<MeasureView>, Ok<MeasureView>, ValidationProblem>> (MeasureInput input, CurrentUser current, SaveMeasure save, CancellationToken ct) =>
        {
            var result = await save.RunAsync((await current.GetScopeAsync(ct)).OrganisationId, input, ct);
            if (result.Measure is not { } m)
            {
                return TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { "Expected " + e.Value + "." }), title: "The measure was not saved");
            }

            var view = MeasureView.From(m, 0);
            return result.Created ? TypedResults.Created($"/api/v1/analytics/measures/{m.Code}", view) : TypedResults.Ok(view);
        }).RequireAuthorization(Policies.MeasureEditors).WithSummary("Define a measure (or update the one with the same code).");

        group.MapCsvImport<ImportMeasureValues, MeasureImportResult>("/measures/values", "measure-import-rejected",
                (import, org, csv, ct) => import.RunAsync(org, csv, ct), r => r.Errors, Policies.MeasureEditors)
            .WithSummary("Import measure values (CSV: Measure Code, Department Code, Period, Value). All or nothing, with row/column errors.");

        group.MapPost("/pushes", async Task<Results<Created, ValidationProblem>> (PushInput input, CurrentUser current, RecordPush record, CancellationToken ct) =>
        {
            var result = await record.RunAsync(AnalyticsScope.For(await current.GetScopeAsync(ct)), input, ct);
            return result.Push is null
                ? TypedResults.ValidationProblem(result.Errors.ToDictionary(e => e.Key, e => new[] { "Expected " + e.Value + "." }), title: "The training push was not recorded")
                : TypedResults.Created();
        }).RequireAuthorization(Policies.MeasureEditors).WithSummary("Record that a unit received a training push in a subject from a day.");

        group.MapGet("/impact", async Task<Results<Ok<ImpactView>, NotFound<string>>> (string measure, string subject, string? unit, CurrentUser current, AnalyseImpact analyse, CancellationToken ct) =>
        {
            try
            {
                var report = await analyse.RunAsync(AnalyticsScope.For(await current.GetScopeAsync(ct)), measure, subject, unit, ct);
                return TypedResults.Ok(new ImpactView(report.Summary(), report.Interpretation, report.Units, report.Series));
            }
            catch (KeyNotFoundException e)
            {
                return TypedResults.NotFound(e.Message);
            }
        }).WithSummary("Lagged association (bootstrap 95% CI) and difference-in-differences (95% CI) between a training subject and a measure.");

        group.MapGet("/impact.csv", async Task<Results<FileContentHttpResult, NotFound<string>>> (string measure, string subject, string? unit, CurrentUser current, AnalyseImpact analyse, CancellationToken ct) =>
        {
            try
            {
                var report = await analyse.RunAsync(AnalyticsScope.For(await current.GetScopeAsync(ct)), measure, subject, unit, ct);
                using var buffer = new MemoryStream();
                DashboardCsv.WriteImpact(report, buffer);
                return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", $"impact-{report.Measure.Code}-{report.Subject.Code}.csv");
            }
            catch (KeyNotFoundException e)
            {
                return TypedResults.NotFound(e.Message);
            }
        }).WithSummary("The impact view's per-unit numbers as CSV.");

        group.MapGet("/dashboard", async Task<Results<Ok<Dashboard>, NotFound<string>>> (string? unit, CurrentUser current, LeadershipDashboard dashboard, CancellationToken ct) =>
        {
            try
            {
                return TypedResults.Ok(await dashboard.BuildAsync(await current.GetScopeAsync(ct), unit, ct));
            }
            catch (KeyNotFoundException e)
            {
                return TypedResults.NotFound(e.Message);
            }
        }).WithSummary("Compliance trend, subject × department heatmap, risk exposure, AI readiness and engagement for the units you may see.");

        group.MapGet("/dashboard/{chart}.csv", async Task<Results<FileContentHttpResult, NotFound<string>>> (string chart, string? unit, CurrentUser current, LeadershipDashboard dashboard, CancellationToken ct) =>
        {
            if (!DashboardCsv.Charts.Contains(chart))
            {
                return TypedResults.NotFound($"No chart '{chart}'; expected one of {string.Join(", ", DashboardCsv.Charts)}.");
            }

            try
            {
                var data = await dashboard.BuildAsync(await current.GetScopeAsync(ct), unit, ct);
                using var buffer = new MemoryStream();
                DashboardCsv.TryWrite(data, chart, buffer);
                return TypedResults.File(buffer.ToArray(), "text/csv; charset=utf-8", $"{chart}.csv");
            }
            catch (KeyNotFoundException e)
            {
                return TypedResults.NotFound(e.Message);
            }
        }).WithSummary("The data behind one dashboard chart as CSV: trend, heatmap, risk, ai-readiness or engagement.");

        group.MapGet("/goals", async (CurrentUser current, StrategicGoals goals, CancellationToken ct) =>
            TypedResults.Ok((await goals.ListAsync(await current.GetScopeAsync(ct), ct)).Select(View).ToList()))
            .WithSummary("Strategic goals you may see, with progress and a straight-line forecast.");

        group.MapPost("/goals", async Task<Results<Created, ValidationProblem>> (GoalInput input, CurrentUser current, StrategicGoals goals, CancellationToken ct) =>
        {
            var (goal, errors) = await goals.CreateAsync(AnalyticsScope.For(await current.GetScopeAsync(ct)), input, await current.GetActorAsync(), ct);
            return goal is null
                ? TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { "Expected " + e.Value + "." }), title: "The goal was not saved")
                : TypedResults.Created($"/api/v1/analytics/goals/{goal.Id}");
        }).RequireAuthorization(Policies.GoalSetters).WithSummary("Set a strategic goal: a subject's compliance ≥ target by a day.");

        return api;
    }

    internal static GoalView View(GoalProgress g) => new(g.Goal.Id, g.Goal.Name, g.SubjectName, g.UnitName, g.Goal.TargetPercent, g.Goal.DueOn,
        g.CurrentPercent, g.ForecastPercent, g.OnTrack, g.Met);
}

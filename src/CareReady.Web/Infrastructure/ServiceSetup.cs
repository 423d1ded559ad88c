using CareReady.Core.Audit;
using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Workforce;
using CareReady.Web.Analytics;
using CareReady.Web.Audit;
using CareReady.Web.Cmi5;
using CareReady.Web.Competencies;
using CareReady.Web.Compliance;
using CareReady.Web.Import;
using CareReady.Web.Learning;
using CareReady.Web.Learning.Authoring;
using CareReady.Web.Notifications;
using CareReady.Web.Pathways;
using CareReady.Web.Reports;
using CareReady.Web.Regulation;
using CareReady.Web.Requirements;
using CareReady.Web.Scorm;
using CareReady.Web.Security;
using CareReady.Web.Simulation;
using CareReady.Web.Supervision;
using CareReady.Web.Workforce;
using CareReady.Web.Xapi;
using Microsoft.AspNetCore.Identity;

namespace CareReady.Web.Infrastructure;

/// <summary>Wires every feature into the host. Program.cs stays three lines long.</summary>
public static class ServiceSetup
{
    public static WebApplicationBuilder AddCareReady(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton(TimeProvider.System);
        services.AddCareReadyDatabase(DatabaseOptions.FromConfiguration(builder.Configuration));
        services.AddCareReadyAudit();
        services.AddCareReadySecurity();
        services.AddProblemDetails();
        // Enums in the API are their names ("Overdue"), not numbers.
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
        // Pages are UTF-8: write "—", "é", "ł" as themselves rather than as numeric entities.
        services.AddWebEncoders(o => o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        services.AddOpenApi();
        services.AddHealthChecks().AddDbContextCheck<AppDbContext>("database");
        services.AddRazorPages(o =>
        {
            // Pages live in feature folders beside their endpoints (see docs/decisions).
            o.RootDirectory = "/";
            o.Conventions.AddPageRoute("/Requirements/RuleEdit", "rules/new");
            o.Conventions.AddPageRoute("/Pathways/Edit", "pathways/manage/new");
        });

        services.AddWorkforce();
        services.AddComplianceViews();
        services.AddEvidence();
        services.AddSupervision();
        services.AddRequirements();
        services.AddStaffImport();
        services.AddReports();
        services.AddLearning();
        services.AddAuthoring();
        services.AddRegulation(builder.Configuration);
        services.AddNotifications(builder.Configuration);
        services.AddSimulation(builder.Configuration);
        services.AddAnalytics();
        services.AddXapi();
        services.AddPathways();
        services.AddScorm();
        services.AddCmi5();
        services.AddScoped<CareReady.Core.Competencies.ListCatalogue>();
        return builder;
    }

    public static WebApplication UseCareReady(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            // People get an NHS-styled page; API callers get RFC 9457 problem details (no stack trace).
            app.UseWhen(c => !IsApi(c), b => b.UseExceptionHandler("/error"));
            app.UseWhen(IsApi, b => b.UseExceptionHandler());
            app.UseHsts();
        }

        // People get an NHS-styled page; API callers get RFC 9457 problem details.
        app.UseWhen(c => !IsApi(c), b => b.UseStatusCodePagesWithReExecute("/error/{0}"));
        app.UseWhen(IsApi, b => b.UseStatusCodePages());
        app.UseStaticFiles();
        app.UseXapiAlternateSyntax();
        app.UseRouting();
        app.UseCors(); // only endpoints that ask for a policy: the LRS and the cmi5 fetch URL (XapiCors)
        app.UseAuthentication();
        app.UseAuditActor();
        app.UseAuthorization();
        app.UseAntiforgery();

        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.MapRazorPages();
        app.MapLearningMedia();
        app.MapXapi();
        app.MapScormContent();
        app.MapCmi5Runtime();

        var api = app.MapGroup("/api/v1").DisableAntiforgery();
        api.MapWorkforceEndpoints();
        api.MapComplianceEndpoints();
        api.MapEvidenceEndpoints();
        api.MapSupervisionEndpoints();
        api.MapRequirementEndpoints();
        api.MapCompetencyEndpoints();
        api.MapImportEndpoints();
        api.MapReportEndpoints();
        api.MapAuditEndpoints();
        api.MapLearningEndpoints();
        api.MapAuthoringEndpoints();
        api.MapPackageEndpoints();
        api.MapRegulationEndpoints();
        api.MapNationalImpactEndpoints();
        api.MapNotificationEndpoints();
        api.MapSimulationEndpoints();
        api.MapAnalyticsEndpoints();
        api.MapLrsAdminEndpoints();
        api.MapPathwaysEndpoints();
        api.MapScormEndpoints();
        api.MapCmi5Endpoints();
        return app;
    }

    /// <summary>The HTTP API and the LRS get problem details, never an HTML error page.</summary>
    private static bool IsApi(HttpContext c) => c.Request.Path.StartsWithSegments("/api") || c.Request.Path.StartsWithSegments("/xapi");
}

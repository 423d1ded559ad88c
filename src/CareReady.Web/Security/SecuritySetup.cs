using CareReady.Core.Data;
using CareReady.Core.Identity;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CareReady.Web.Security;

/// <summary>Names of the authorisation policies; pages and endpoints use these, never raw role strings.</summary>
public static class Policies
{
    /// <summary>May search people and see teams: managers (their subtrees), compliance leads and admins (organisation).</summary>
    public const string PeopleReaders = nameof(PeopleReaders);

    /// <summary>May change requirement rules, refresher overrides and targets.</summary>
    public const string RuleEditors = nameof(RuleEditors);

    /// <summary>May import HR files.</summary>
    public const string Importers = nameof(Importers);

    /// <summary>May open the analytics dashboards and impact view: managers (their units), executives, compliance leads, admins.</summary>
    public const string AnalyticsReaders = nameof(AnalyticsReaders);
    public const string NationalAnalysts = nameof(NationalAnalysts);

    /// <summary>May define performance measures, import their values and record training pushes.</summary>
    public const string MeasureEditors = nameof(MeasureEditors);

    /// <summary>May set strategic goals: executives, compliance leads, admins.</summary>
    public const string GoalSetters = nameof(GoalSetters);
}

public static class SecuritySetup
{
    public static IServiceCollection AddCareReadySecurity(this IServiceCollection services)
    {
        services.AddIdentity<AppUser, IdentityRole>(AccountPolicy.Apply)
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders();

        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.AccessDeniedPath = "/account/access-denied";
            o.Cookie.Name = "careready.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // API callers get status codes, not a redirect to the sign-in page.
            o.Events.OnRedirectToLogin = c => ApiAware(c.Response, c.RedirectUri, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = c => ApiAware(c.Response, c.RedirectUri, StatusCodes.Status403Forbidden);
        });

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.PeopleReaders, p => p.RequireRole(Roles.Manager, Roles.ComplianceLead, Roles.Admin))
            .AddPolicy(Policies.RuleEditors, p => p.RequireRole(Roles.ComplianceLead, Roles.Admin))
            .AddPolicy(Policies.Importers, p => p.RequireRole(Roles.Admin))
            .AddPolicy(Policies.AnalyticsReaders, p => p.RequireRole(Roles.Manager, Roles.Executive, Roles.ComplianceLead, Roles.Admin))
            .AddPolicy(Policies.NationalAnalysts, p => p.RequireRole(Roles.NationalAnalyst))
            .AddPolicy(Policies.MeasureEditors, p => p.RequireRole(Roles.ComplianceLead, Roles.Admin))
            .AddPolicy(Policies.GoalSetters, p => p.RequireRole(Roles.Executive, Roles.ComplianceLead, Roles.Admin));

        services.AddHttpContextAccessor();
        services.AddScoped<CurrentUser>();
        return services;
    }

    private static Task ApiAware(HttpResponse response, string redirectUri, int status)
    {
        if (response.HttpContext.Request.Path.StartsWithSegments("/api"))
        {
            response.StatusCode = status;
        }
        else
        {
            response.Redirect(redirectUri);
        }

        return Task.CompletedTask;
    }
}

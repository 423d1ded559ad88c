using System.Security.Claims;
using CareReady.Core.Identity;

namespace CareReady.Web.Shared;

/// <summary>One entry of the header navigation.</summary>
public sealed record NavigationItem(string Text, string Href);

/// <summary>The navigation a user sees, decided by their roles (pages enforce the same rules server-side).</summary>
public static class Navigation
{
    public static IReadOnlyList<NavigationItem> For(ClaimsPrincipal user)
    {
        var items = new List<NavigationItem> { new("Home", "/") };
        if (user.Identity?.IsAuthenticated != true)
        {
            return [];
        }

        items.Add(new("My plan", "/pathways"));
        items.Add(new("My learning", "/learning"));
        items.Add(new("My record", "/me"));
        items.Add(new("Simulations", "/simulations"));
        var orgWide = user.IsInRole(Roles.Admin) || user.IsInRole(Roles.ComplianceLead);
        if (orgWide)
        {
            items.Add(new("People", "/people"));
        }
        else if (user.IsInRole(Roles.Manager))
        {
            items.Add(new("My team", "/people"));
        }

        if (orgWide || user.IsInRole(Roles.Manager))
        {
            items.Add(new("Compliance", "/compliance"));
            items.Add(new("Certificates", "/certificates"));
            items.Add(new("Evidence pack", "/reports/evidence-pack"));
            items.Add(new("Departments", "/departments"));
        }

        if (orgWide || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Educator))
        {
            items.Add(new("Requirement rules", "/rules"));
        }

        if (orgWide || user.IsInRole(Roles.Manager) || user.IsInRole(Roles.Executive))
        {
            items.Add(new("Analytics", "/analytics"));
        }

        if (user.IsInRole(Roles.NationalAnalyst))
        {
            items.Add(new("National heatmap", "/analytics/national"));
            items.Add(new("Guideline impact", "/regulation/national"));
        }

        items.Add(new("Competencies", "/competencies"));
        if (user.IsInRole(Roles.Educator) || user.IsInRole(Roles.EducatorLead) || orgWide)
        {
            items.Add(new("Authoring", "/learning/authoring"));
        }

        if (user.IsInRole(Roles.Educator) || user.IsInRole(Roles.EducatorLead) || orgWide || user.IsInRole(Roles.Manager))
        {
            items.Add(new("Pathways", "/pathways/manage"));
        }

        if (orgWide)
        {
            items.Add(new("Regulation", "/regulation"));
            items.Add(new("Learning records", "/lrs"));
        }

        if (user.IsInRole(Roles.Admin))
        {
            items.Add(new("Import staff", "/import"));
        }

        return items;
    }

    /// <summary>The most senior role, for the header ("Compliance lead").</summary>
    public static string RoleLabel(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? "Administrator"
        : user.IsInRole(Roles.Executive) ? "Executive"
        : user.IsInRole(Roles.NationalAnalyst) ? "National analyst"
        : user.IsInRole(Roles.ComplianceLead) ? "Compliance lead"
        : user.IsInRole(Roles.EducatorLead) ? "Educator lead"
        : user.IsInRole(Roles.Educator) ? "Educator"
        : user.IsInRole(Roles.Manager) ? "Manager"
        : "Learner";
}

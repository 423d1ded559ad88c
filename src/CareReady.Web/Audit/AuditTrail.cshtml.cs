using System.Globalization;
using System.Text;
using System.Text.Json;
using CareReady.Core.Audit;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Audit;

/// <summary>
/// <c>/audit?entity=StaffMember&amp;id=42</c>: who changed what in one record, and when. Compliance leads and
/// admins, their own organisation only (anything else is 404, like a record that does not exist).
/// </summary>
[Authorize(Policy = Policies.RuleEditors)]
public sealed class AuditTrailModel(CurrentUser current, GetAuditTrail trail) : PageModel
{
    private static readonly CultureInfo EnGb = CultureInfo.GetCultureInfo("en-GB");

    public AuditTrailView Trail { get; private set; } = null!;
    public string? BackHref { get; private set; }
    public string Caption { get; private set; } = "Audit trail";

    public async Task<IActionResult> OnGetAsync(string? entity, string? id, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(entity) || string.IsNullOrWhiteSpace(id))
        {
            return NotFound();
        }

        var view = await trail.RunAsync((await current.GetScopeAsync(ct)).OrganisationId, entity.Trim(), id.Trim(), ct);
        if (view is null)
        {
            return NotFound();
        }

        Trail = view;
        (BackHref, Caption) = view.EntityType switch
        {
            "StaffMember" => ($"/people/{Uri.EscapeDataString(view.EntityId)}", "Audit trail of a person"),
            "RequirementRule" => ($"/rules/{Uri.EscapeDataString(view.EntityId)}", "Audit trail of a requirement rule"),
            _ => ((string?)null, "Audit trail"),
        };
        return Page();
    }

    public static string When(DateTime at) => at.ToString("d MMM yyyy, HH:mm:ss", EnGb) + " UTC";

    public static string ActionLabel(string action) => action switch
    {
        AuditActions.Created => "Created",
        AuditActions.Updated => "Changed",
        AuditActions.Deleted => "Deleted",
        AuditActions.RoleAdded => "Role added",
        AuditActions.RoleRemoved => "Role removed",
        AuditActions.DemoSeeded => "Demo data created",
        _ => action,
    };

    /// <summary>What the entry is about, when it is not the record itself (a person's position, a completion).</summary>
    public string? Subject(AuditTrailEntry entry) =>
        entry.EntityType == Trail.EntityType && entry.EntityId == Trail.EntityId ? null : Words(entry.EntityType) + " " + entry.EntityId;

    /// <summary>"GraceDays" → "Grace days".</summary>
    public static string Words(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (i > 0 && char.IsUpper(c) && !char.IsUpper(name[i - 1]))
            {
                text.Append(' ').Append(char.ToLowerInvariant(c));
            }
            else
            {
                text.Append(i == 0 ? char.ToUpperInvariant(c) : c);
            }
        }

        return text.ToString();
    }

    public static string Display(JsonElement? value)
    {
        if (value is not { } v)
        {
            return "(none)";
        }

        switch (v.ValueKind)
        {
            case JsonValueKind.True:
                return "Yes";
            case JsonValueKind.False:
                return "No";
            case JsonValueKind.Number:
                return v.GetRawText();
            case JsonValueKind.String:
                var s = v.GetString() ?? "";
                if (s.Length == 10 && DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    return date.ToString("d MMM yyyy", EnGb);
                }

                if (s.Length > 19 && s[10] == 'T' && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at))
                {
                    return at.ToString("d MMM yyyy, HH:mm", EnGb) + " UTC";
                }

                return s.Length == 0 ? "(empty)" : s;
            case JsonValueKind.Object when v.TryGetProperty("size", out var size) && v.TryGetProperty("sha256", out var sha):
                return $"file of {size.GetRawText()} bytes (SHA-256 {sha.GetString()})";
            default:
                return v.GetRawText();
        }
    }
}

using System.Text.RegularExpressions;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning.Authoring;

/// <summary>The rules a module's details follow (the same as a content package's <c>module.yaml</c>), with messages for people.</summary>
public static partial class AuthoringRules
{
    public const int MaxTitle = 200;
    public const int MaxSummary = 1000;
    public const int MaxContact = 200;
    public const int MaxMarkdown = 1_000_000;

    [GeneratedRegex("^[A-Z0-9-]+$")]
    public static partial Regex CodePattern();

    /// <summary>Checks a required text field; returns it trimmed, or null (with the error recorded).</summary>
    public static string? Required(Dictionary<string, string> errors, string field, string? value, int max, string missing, string label)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            errors[field] = missing;
            return null;
        }

        if (text.Length > max)
        {
            errors[field] = $"{label} must be {max:N0} characters or fewer";
            return null;
        }

        return text;
    }

    public static int? Range(Dictionary<string, string> errors, string field, int? value, int min, int max, string label)
    {
        if (value is int n && n >= min && n <= max)
        {
            return n;
        }

        errors[field] = $"{label} must be a whole number from {min} to {max}";
        return null;
    }

    /// <summary>Competencies by code (each must be in the catalogue); at least one unless <paramref name="allowNone"/>.</summary>
    public static async Task<List<int>> CompetenciesAsync(
        AppDbContext db, Dictionary<string, string> errors, string field, IReadOnlyList<string>? codes, bool allowNone, CancellationToken ct)
    {
        var wanted = (codes ?? []).Select(c => c?.Trim() ?? "").Where(c => c.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (wanted.Count == 0)
        {
            if (!allowNone)
            {
                errors[field] = "Choose at least one competency that passing the module gives";
            }

            return [];
        }

        var upper = wanted.Select(c => c.ToUpperInvariant()).ToList();
        var found = await db.Competencies.AsNoTracking().Where(c => upper.Contains(c.Code)).Select(c => new { c.Id, c.Code }).ToListAsync(ct);
        var unknown = upper.Where(c => !found.Any(f => f.Code == c)).ToList();
        if (unknown.Count > 0)
        {
            errors[field] = $"No competency has the code {string.Join(", ", unknown)}; use codes from the competency catalogue, like CSTF-FIRE-1";
        }

        return found.Select(f => f.Id).ToList();
    }
}

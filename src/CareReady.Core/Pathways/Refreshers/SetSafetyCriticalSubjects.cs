using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Pathways.Refreshers;

/// <summary>The outcome: the codes now in force (sorted), or problems keyed by field ("subjectCodes[2]") with nothing saved.</summary>
public sealed record SafetyCriticalSubjectsResult(IReadOnlyList<string> Codes, bool IsDefault, IReadOnlyDictionary<string, string[]> Problems)
{
    public bool Saved => Problems.Count == 0;
}

/// <summary>
/// Sets which subjects are safety-critical for the organisation: their questions become refresher cards
/// and the plan ranks them first. Every code must be a subject CareReady knows (national, or the
/// organisation's own); an unknown one is named with its position and nothing changes. Exactly the
/// default list is stored as "the default". The change is audited with the other refresher settings.
/// Who may do it is the caller's check (educators, compliance leads, admins).
/// </summary>
public sealed class SetSafetyCriticalSubjects(AppDbContext db, FitRefresherParameters settings)
{
    public const string Field = "subjectCodes";

    public async Task<SafetyCriticalSubjectsResult> RunAsync(int organisationId, IReadOnlyList<string?>? codes, CancellationToken ct = default)
    {
        var problems = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (codes is null)
        {
            problems[Field] = ["Give the list of subject codes (for example [\"CSTF-RES\", \"CSTF-IPC\"]); an empty list means no subject is safety-critical."];
            return new SafetyCriticalSubjectsResult([], false, problems);
        }

        if (codes.Count > SafetyCriticalSubjects.MaxSubjects)
        {
            problems[Field] = [$"At most {SafetyCriticalSubjects.MaxSubjects} subjects; {codes.Count} were given."];
            return new SafetyCriticalSubjectsResult([], false, problems);
        }

        var known = (await db.Subjects.AsNoTracking()
                .Where(s => s.OrganisationId == null || s.OrganisationId == organisationId)
                .Select(s => s.Code).ToListAsync(ct))
            .ToHashSet(StringComparer.Ordinal);
        var chosen = new SortedSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < codes.Count; i++)
        {
            var code = codes[i]?.Trim();
            if (string.IsNullOrEmpty(code))
            {
                problems[$"{Field}[{i}]"] = ["Empty: give a subject code such as CSTF-RES."];
            }
            else if (!known.Contains(code))
            {
                var hint = known.FirstOrDefault(k => string.Equals(k, code, StringComparison.OrdinalIgnoreCase));
                problems[$"{Field}[{i}]"] = [hint is null
                    ? $"“{code}” is not a subject code CareReady knows (subject codes look like CSTF-RES or AIDHT-D1; see GET /api/v1/competencies)."
                    : $"“{code}” is not a subject code; did you mean {hint}? Codes are case-sensitive."];
            }
            else
            {
                chosen.Add(code);
            }
        }

        if (problems.Count > 0)
        {
            return new SafetyCriticalSubjectsResult([], false, problems);
        }

        var row = await settings.SettingsAsync(organisationId, ct);
        var stored = SafetyCriticalSubjects.Format(chosen);
        if (row.SafetyCriticalSubjects != stored || db.Entry(row).State == EntityState.Added)
        {
            row.SafetyCriticalSubjects = stored;
            await db.SaveChangesAsync(ct);
        }

        return new SafetyCriticalSubjectsResult([.. chosen], stored is null, problems);
    }
}

using CareReady.Core.Competencies;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Pathways;

/// <summary>
/// The subjects whose knowledge protects patients directly, so their questions become spaced refreshers
/// and their gaps rank first in a plan. Each organisation chooses its own
/// (<see cref="Refreshers.PathwaySettings.SafetyCriticalSubjects"/>; educators, compliance leads and
/// admins); until it does, the Core Skills Training Framework subjects in <see cref="Default"/>:
/// resuscitation, infection prevention and control, safeguarding adults and children, moving and
/// handling, fire safety. (The framework carries no patient-safety flag of its own; see ADR 0012.)
/// </summary>
public static class SafetyCriticalSubjects
{
    /// <summary>Most subjects an organisation may name (a safeguard, not a judgement: there are ~60 subjects).</summary>
    public const int MaxSubjects = 100;

    public static IReadOnlySet<string> Default { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "CSTF-RES", "CSTF-IPC", "CSTF-SGA", "CSTF-SGC", "CSTF-MH", "CSTF-FIRE",
    };

    /// <summary>The organisation's safety-critical subject codes (the default list when it has not chosen).</summary>
    public static async Task<IReadOnlySet<string>> ForAsync(AppDbContext db, int organisationId, CancellationToken ct = default)
    {
        var stored = await db.PathwaySettings.AsNoTracking().Where(s => s.OrganisationId == organisationId)
            .Select(s => s.SafetyCriticalSubjects).FirstOrDefaultAsync(ct);
        return Parse(stored);
    }

    /// <summary>The stored text (codes separated by spaces; null = the default list) as a set.</summary>
    public static IReadOnlySet<string> Parse(string? stored) => stored is null
        ? Default
        : new HashSet<string>(stored.Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);

    /// <summary>What to store: null when the codes are exactly the default list (so the organisation keeps following it).</summary>
    public static string? Format(IReadOnlyCollection<string> codes) =>
        codes.Count == Default.Count && codes.All(Default.Contains) ? null : string.Join(' ', codes.Order(StringComparer.Ordinal));

    /// <summary>Whether the competency's subject is in <paramref name="codes"/>.</summary>
    public static bool Covers(this IReadOnlySet<string> codes, Competency competency) =>
        competency.Subject is { } subject && codes.Contains(subject.Code);
}

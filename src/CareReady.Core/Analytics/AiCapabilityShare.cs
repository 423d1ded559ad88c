using System.Globalization;
using CareReady.Core.Competencies;
using CareReady.Core.Data;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Analytics;

/// <summary>
/// For an AI-capability goal: on each day, the share of the people it covers — employed, with a current position in
/// the goal's unit (or below), staff group and at its band or above — who hold an AI &amp; digital capability
/// competency at the goal's level or above in any domain (a completion on or before the day; the framework's
/// knowledge levels do not expire).
/// </summary>
public static class AiCapabilityShare
{
    /// <returns>Per day, the percentage (0–100), or null when the goal covers nobody that day.</returns>
    public static async Task<IReadOnlyList<double?>> PercentsAsync(AppDbContext db, int organisationId, StrategicGoal goal, IReadOnlyList<DateOnly> days, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(goal);
        ArgumentNullException.ThrowIfNull(days);
        var unitPath = goal.DepartmentId is int d ? await db.Departments.AsNoTracking().Where(x => x.Id == d).Select(x => x.Path).FirstAsync(ct) : null;
        var paths = await db.Departments.AsNoTracking().Where(x => x.OrganisationId == organisationId).ToDictionaryAsync(x => x.Id, x => x.Path, ct);
        var positions = (await db.Positions.AsNoTracking()
                .Where(p => p.OrganisationId == organisationId && (goal.StaffGroupCode == null || p.StaffGroupCode == goal.StaffGroupCode))
                .Join(db.Staff, p => p.StaffMemberId, s => s.Id, (p, s) => new { p.StaffMemberId, p.DepartmentId, p.Band, p.StartDate, p.EndDate, Joined = s.StartDate, s.LeavingDate })
                .ToListAsync(ct))
            .Where(p => (unitPath is null || DepartmentTree.IsWithin(paths[p.DepartmentId], unitPath)) && (goal.MinBand is not int min || BandNumber(p.Band) >= min))
            .ToList();
        var levels = await db.Competencies.AsNoTracking().Where(k => k.Subject!.FrameworkCode == ReferenceCatalogue.AiFrameworkCode && k.Level >= (goal.AiLevel ?? 1))
            .Select(k => k.Id).ToListAsync(ct);
        var firstHeld = (await db.Completions.AsNoTracking()
                .Where(c => c.OrganisationId == organisationId && levels.Contains(c.CompetencyId))
                .Select(c => new { c.StaffMemberId, c.CompletedOn })
                .ToListAsync(ct))
            .GroupBy(c => c.StaffMemberId).ToDictionary(g => g.Key, g => g.Min(c => c.CompletedOn));

        return days.Select(day =>
        {
            var people = positions.Where(p => p.StartDate <= day && (p.EndDate == null || p.EndDate > day) && p.Joined <= day && (p.LeavingDate == null || p.LeavingDate > day))
                .Select(p => p.StaffMemberId).ToHashSet();
            return people.Count == 0 ? (double?)null : 100.0 * people.Count(s => firstHeld.TryGetValue(s, out var on) && on <= day) / people.Count;
        }).ToList();
    }

    /// <summary>The number of an Agenda for Change band ("Band 6" → 6, "Band 8a" → 8); null for anything else (medical grades).</summary>
    public static int? BandNumber(string? band)
    {
        var text = band?.Trim() ?? "";
        if (!text.StartsWith("Band", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var digits = new string(text[4..].Trim().TakeWhile(char.IsAsciiDigit).ToArray());
        return int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
    }
}

using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CareReady.Core.Regulation;

/// <summary>A guideline version cited by content somewhere in the deployment (a choice on the national preview).</summary>
public sealed record CitedGuideline(string Source, string Version, int Organisations);

/// <summary>One organisation's share of a national change: its citing module versions and the certifications resting on them.</summary>
public sealed record NationalImpactRow(int Id, string Code, string Name, int CitingVersions, int People, int Certifications);

/// <summary>
/// What a change to a guideline version would touch across the deployment: per organisation, per staff group and
/// per competency — figures only, never people. Each organisation's row is what that organisation's own impact
/// preview (<see cref="PreviewChange"/>) shows for a change of the same guideline version.
/// </summary>
public sealed record NationalChangeImpact(
    string Source, string Version, DateOnly Day, int People, int Certifications,
    IReadOnlyList<NationalImpactRow> ByOrganisation, IReadOnlyList<ImpactCount> ByStaffGroup, IReadOnlyList<ImpactCount> ByCompetency);

/// <summary>
/// The national impact preview for a <see cref="Roles.NationalAnalyst"/>: before a national body publishes a new
/// version of a guideline, who across every organisation rests on the current one. The same definition as each
/// organisation's preview (<see cref="AffectedCertifications"/>), read in one pass over the deployment — three
/// range reads (the latest completions of the citing versions, the people not employed today, today's positions)
/// joined in memory — rather than organisation by organisation.
/// </summary>
public sealed class PreviewNationalChange(AppDbContext db, TimeProvider time)
{
    /// <summary>Guideline versions cited by module versions anywhere, most widely cited first.</summary>
    public async Task<IReadOnlyList<CitedGuideline>> CitedAsync(AccessScope scope, CancellationToken ct = default)
    {
        Demand(scope);
        var cited = await (from g in db.Set<Learning.GuidelineCitation>().AsNoTracking()
                           join v in db.ModuleVersions on g.ModuleVersionId equals v.Id
                           select new { g.Source, g.Version, v.OrganisationId }).ToListAsync(ct);
        return [.. cited.GroupBy(c => (c.Source, c.Version))
            .Select(g => new CitedGuideline(g.Key.Source, g.Key.Version, g.Select(c => c.OrganisationId).Distinct().Count()))
            .OrderByDescending(c => c.Organisations).ThenBy(c => c.Source, StringComparer.Ordinal).ThenBy(c => c.Version, StringComparer.Ordinal)];
    }

    /// <exception cref="UnauthorizedAccessException">The user is not a national analyst.</exception>
    public async Task<NationalChangeImpact> RunAsync(AccessScope scope, string source, string version, CancellationToken ct = default)
    {
        Demand(scope);
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(version);
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var citing = await db.ModuleVersions.AsNoTracking()
            .Where(v => v.Guidelines.Any(g => g.Source == source && g.Version == version))
            .Select(v => new { v.Id, v.OrganisationId }).ToListAsync(ct);
        var organisationIds = citing.Select(c => c.OrganisationId).Distinct().ToList();
        var versionIds = citing.Select(c => c.Id).ToList();

        // Today's positions are read on a second connection while this one reads the completions and the absent.
        await using var second = new AppDbContext((DbContextOptions<AppDbContext>)db.GetService<IDbContextOptions>());
        var positions = PositionsAsync(second, organisationIds, day, ct);
        var latest = AffectedAsync(organisationIds, versionIds, day, ct);
        await Task.WhenAll(positions, latest);
        var (affected, away) = await latest;

        var people = new HashSet<int>();
        var perOrganisation = new Dictionary<int, (HashSet<int> People, int Certifications)>();
        var perCompetency = new Dictionary<int, int>();
        foreach (var r in affected)
        {
            if (away.Contains(r.StaffMemberId))
            {
                continue;
            }

            people.Add(r.StaffMemberId);
            if (!perOrganisation.TryGetValue(r.OrganisationId, out var o))
            {
                o = ([], 0);
            }

            o.People.Add(r.StaffMemberId);
            perOrganisation[r.OrganisationId] = (o.People, o.Certifications + 1);
            perCompetency[r.CompetencyId] = perCompetency.GetValueOrDefault(r.CompetencyId) + 1;
        }

        var (holders, groupOf, groupCodes) = await positions;
        var perGroup = new HashSet<int>[groupCodes.Count];
        for (var i = 0; i < holders.Count; i++)
        {
            if (people.Contains(holders[i]))
            {
                (perGroup[groupOf[i]] ??= []).Add(holders[i]);
            }
        }

        var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
            .Select(o => new { o.Id, o.Code, o.Name }).ToListAsync(ct);
        var groups = await db.StaffGroups.AsNoTracking().ToDictionaryAsync(g => g.Code, g => g.Name, ct);
        var competencyIds = perCompetency.Keys.ToList();
        var competencies = await db.Competencies.AsNoTracking().Where(c => competencyIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, c => (c.Code, c.Name), ct);
        var versionsPer = citing.GroupBy(c => c.OrganisationId).ToDictionary(g => g.Key, g => g.Count());
        return new NationalChangeImpact(source, version, day, people.Count, perOrganisation.Values.Sum(o => o.Certifications),
            [.. organisations.Select(o => perOrganisation.TryGetValue(o.Id, out var x)
                    ? new NationalImpactRow(o.Id, o.Code, o.Name, versionsPer[o.Id], x.People.Count, x.Certifications)
                    : new NationalImpactRow(o.Id, o.Code, o.Name, versionsPer[o.Id], 0, 0))
                .OrderByDescending(o => o.Certifications).ThenBy(o => o.Name, StringComparer.Ordinal)],
            [.. groupCodes.Select((code, i) => (code, i)).Where(g => perGroup[g.i] is not null)
                .Select(g => new ImpactCount(g.code, groups.GetValueOrDefault(g.code, g.code), perGroup[g.i].Count)).OrderByDescending(g => g.People).ThenBy(g => g.Name, StringComparer.Ordinal)],
            [.. perCompetency.Select(c => new ImpactCount(competencies[c.Key].Code, competencies[c.Key].Name, c.Value)).OrderBy(c => c.Key, StringComparer.Ordinal)]);
    }

    private async Task<(List<AffectedCertification> Affected, HashSet<int> Away)> AffectedAsync(List<int> organisationIds, List<int> versionIds, DateOnly day, CancellationToken ct)
    {
        var affected = await AffectedCertifications.LatestOfVersions(db, organisationIds, versionIds).ToListAsync(ct);
        var away = (await AffectedCertifications.NotEmployed(db, organisationIds, day).ToListAsync(ct)).ToHashSet();
        return (affected, away);
    }

    /// <summary>Today's positions in the organisations, compactly: holder and staff-group number side by side, and the groups' codes.</summary>
    private static async Task<(List<int> Holders, List<int> GroupOf, List<string> GroupCodes)> PositionsAsync(AppDbContext db, IReadOnlyCollection<int> organisationIds, DateOnly day, CancellationToken ct)
    {
        var holders = new List<int>();
        var groupOf = new List<int>();
        var codes = new List<string>();
        var numbers = new Dictionary<string, int>(StringComparer.Ordinal);
        await foreach (var p in AffectedCertifications.CurrentPositions(db, organisationIds, day).AsAsyncEnumerable().WithCancellation(ct))
        {
            if (!numbers.TryGetValue(p.StaffGroupCode, out var n))
            {
                numbers[p.StaffGroupCode] = n = codes.Count;
                codes.Add(p.StaffGroupCode);
            }

            holders.Add(p.StaffMemberId);
            groupOf.Add(n);
        }

        return (holders, groupOf, codes);
    }

    private static void Demand(AccessScope scope)
    {
        ArgumentNullException.ThrowIfNull(scope);
        if (!scope.IsInRole(Roles.NationalAnalyst))
        {
            throw new UnauthorizedAccessException("The national impact preview is for national analysts.");
        }
    }
}

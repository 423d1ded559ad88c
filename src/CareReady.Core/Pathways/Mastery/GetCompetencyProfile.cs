using CareReady.Core.Data;
using CareReady.Core.Security;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Pathways.Mastery;

/// <summary>One line of a competency profile: the subject, strong / developing / gap, the evidence, and whether the role requires it.</summary>
public sealed record CompetencyProfileLine(
    int SubjectId, string SubjectCode, string Subject, MasteryLevel Level, double ProbabilityCorrect, int Answers, int Correct,
    string Explanation, bool Required, string? Compliance, bool SafetyCritical);

public sealed record CompetencyProfile(int StaffMemberId, string Name, IReadOnlyList<CompetencyProfileLine> Lines);

/// <summary>
/// A person's competency profile from the mastery model: every subject their role requires, they
/// hold, or have answered questions in — strong, developing or gap, with the evidence behind it.
/// A person outside the caller's scope is not found.
/// </summary>
public sealed class GetCompetencyProfile(AppDbContext db, GetPersonProfile profiles, OrganisationMastery mastery)
{
    public async Task<CompetencyProfile?> RunAsync(AccessScope scope, int staffMemberId, CancellationToken ct = default)
    {
        if (await profiles.RunAsync(scope, staffMemberId, ct) is not { } profile)
        {
            return null;
        }

        var competencies = await db.Competencies.AsNoTracking().Include(c => c.Subject).ToDictionaryAsync(c => c.Id, ct);
        var held = await db.Completions.AsNoTracking().Where(c => c.StaffMemberId == staffMemberId && c.OrganisationId == scope.OrganisationId)
            .Select(c => c.CompetencyId).Distinct().ToListAsync(ct);
        var carded = await db.RefresherCards.AsNoTracking().Where(c => c.StaffMemberId == staffMemberId && c.OrganisationId == scope.OrganisationId)
            .Select(c => c.CompetencyId).Distinct().ToListAsync(ct);
        var assessed = await db.AssessmentAttempts.AsNoTracking().Where(a => a.StaffMemberId == staffMemberId && a.OrganisationId == scope.OrganisationId && a.SubmittedAt != null)
            .Join(db.ModuleConferrals, a => a.ModuleVersionId, c => c.ModuleVersionId, (a, c) => c.CompetencyId).Distinct().ToListAsync(ct);
        var required = profile.Requirements
            .GroupBy(r => competencies[r.CompetencyId].SubjectId)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.DueBy).First().Label);

        var safety = await SafetyCriticalSubjects.ForAsync(db, scope.OrganisationId, ct);
        var model = await mastery.GetAsync(db, scope.OrganisationId, ct);
        var person = OrganisationMastery.PersonKey(staffMemberId);
        var subjects = required.Keys.Concat(held.Concat(carded).Concat(assessed).Select(c => competencies[c].SubjectId)).Distinct();
        var lines = subjects
            .Select(id => competencies.Values.First(c => c.SubjectId == id).Subject!)
            .Select(s =>
            {
                var e = model.Estimate(person, OrganisationMastery.SubjectKey(s.Id));
                return new CompetencyProfileLine(s.Id, s.Code, s.Name, e.Level, Math.Round(e.ProbabilityCorrect, 3), e.Answers, e.Correct, e.Explanation,
                    required.ContainsKey(s.Id), required.GetValueOrDefault(s.Id), safety.Contains(s.Code));
            })
            .OrderBy(l => l.Level).ThenByDescending(l => l.SafetyCritical).ThenBy(l => l.Subject, StringComparer.Ordinal)
            .ToList();
        return new CompetencyProfile(profile.Id, profile.FirstName + " " + profile.LastName, lines);
    }
}

using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Security;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Learning;

public enum LearningSection
{
    Overdue,
    DueSoon,
    Required,
    InProgress,
    Recommended,
}

/// <summary>One thing to do: what, why, by when, and the module that does it (null when CareReady has none — complete it elsewhere and upload a certificate).</summary>
public sealed record LearningItem(
    LearningSection Section, string Title, string Why, DateOnly? By, ModuleSummary? Module, int? ResumeLesson, long? OpenAttemptId,
    LearningChange? Change = null);

/// <summary>A guideline change behind an item: its title, what it means for the person, and the rules that require the learning.</summary>
public sealed record LearningChange(string Title, string Explanation, string Rules);

public sealed record LearningHistoryItem(DateOnly CompletedOn, string What, CompletionSource Source, long? CertificateId, string? Reference);

public sealed record MyLearning(DateOnly Today, IReadOnlyList<LearningItem> Items, IReadOnlyList<LearningHistoryItem> History)
{
    public IEnumerable<LearningItem> In(LearningSection section) => Items.Where(i => i.Section == section);
}

/// <summary>
/// "My learning": the signed-in person's required learning sorted into overdue, due soon (renewal
/// window open) and required (not started, inside the new-starter grace period), each with the rules
/// that make it required and the date; modules started but not passed; published modules that would
/// add a competency they neither hold nor need (recommended); and their history with certificates.
/// </summary>
public sealed class GetMyLearning(AppDbContext db, GetPersonProfile profiles, ListModules modules)
{
    public async Task<MyLearning?> RunAsync(AccessScope scope, CancellationToken ct = default)
    {
        if (scope.OwnStaffMemberId is not int person || await profiles.RunAsync(scope, person, ct) is not { } profile)
        {
            return null;
        }

        var catalogue = await modules.RunAsync(scope.OrganisationId, ct);
        var competencies = await db.Competencies.AsNoTracking().ToDictionaryAsync(c => c.Id, ct);
        var progress = await db.LearningProgress.AsNoTracking().Where(p => p.StaffMemberId == person).ToListAsync(ct);
        var attempts = await db.AssessmentAttempts.AsNoTracking().Where(a => a.StaffMemberId == person)
            .Select(a => new { a.Id, a.ModuleVersionId, a.StartedAt, a.SubmittedAt, a.Passed }).ToListAsync(ct);
        var held = await db.Completions.AsNoTracking().Where(c => c.StaffMemberId == person && c.OrganisationId == scope.OrganisationId)
            .Select(c => c.CompetencyId).Distinct().ToListAsync(ct);

        ModuleSummary? ModuleFor(int competencyId) => catalogue
            .Where(m => m.Confers.Any(c => competencies.TryGetValue(c.CompetencyId, out var given) && given.Satisfies(competencies[competencyId])))
            .OrderBy(m => m.Confers.Count).FirstOrDefault();

        (int? Lesson, long? Attempt) Resume(ModuleSummary? module)
        {
            if (module is null)
            {
                return (null, null);
            }

            var open = attempts.Where(a => a.ModuleVersionId == module.VersionId && a.SubmittedAt is null).Select(a => (long?)a.Id).FirstOrDefault();
            var lastPass = attempts.Where(a => a.ModuleVersionId == module.VersionId && a.Passed).Select(a => (DateTime?)a.StartedAt).Max();
            var started = progress.FirstOrDefault(p => p.ModuleVersionId == module.VersionId && (lastPass is null || p.UpdatedAt > lastPass));
            return (started?.LastLesson, open);
        }

        var items = new List<LearningItem>();
        var covered = new HashSet<int>();
        foreach (var r in profile.Requirements)
        {
            var section = r.State switch
            {
                nameof(ComplianceState.NotStartedOverdue) or nameof(ComplianceState.Expired) => LearningSection.Overdue,
                nameof(ComplianceState.RenewalDue) => LearningSection.DueSoon,
                nameof(ComplianceState.NotStartedInGrace) => LearningSection.Required,
                _ => r.Change is not null ? LearningSection.DueSoon : (LearningSection?)null,
            };
            if (section is null)
            {
                continue;
            }

            var module = ModuleFor(r.CompetencyId);
            if (module is not null)
            {
                covered.Add(module.ModuleId);
            }

            var why = r.Reasons.Count == 0
                ? "Required for your role"
                : "Required by " + string.Join("; ", r.Reasons.Select(x => $"{x.RuleName} ({x.JobRole})").Distinct(StringComparer.Ordinal));
            LearningChange? changed = null;
            if (r.Change is { } change)
            {
                var explanation = $"{change.Source} changed from {change.FromVersion} to {change.ToVersion}, so your training on the previous version "
                    + (change.ValidUntil <= profile.AsOf ? $"stopped counting on {change.ValidUntil:d MMMM yyyy}." : $"counts only until {change.ValidUntil:d MMMM yyyy}.")
                    + " Take the updated module.";
                changed = new LearningChange(change.Title, explanation, why);
                why = $"{change.Title}: {explanation} {why}";
            }

            var (lesson, attempt) = Resume(module);
            items.Add(new LearningItem(section.Value, r.SubjectName == r.CompetencyName ? r.CompetencyName : $"{r.SubjectName} — {r.CompetencyName}",
                why, r.DueBy, module, lesson, attempt, changed));
        }

        foreach (var module in catalogue.Where(m => !covered.Contains(m.ModuleId)))
        {
            var (lesson, attempt) = Resume(module);
            if (lesson is not null || attempt is not null)
            {
                items.Add(new LearningItem(LearningSection.InProgress, module.Title, "You started this module", null, module, lesson, attempt));
                covered.Add(module.ModuleId);
            }
        }

        var required = profile.Requirements.Select(r => r.CompetencyId).ToHashSet();
        foreach (var module in catalogue.Where(m => !covered.Contains(m.ModuleId)))
        {
            var adds = module.Confers.Where(c => !required.Contains(c.CompetencyId) && !held.Contains(c.CompetencyId)).ToList();
            if (adds.Count > 0 && adds.Any(c => c.FrameworkCode == Competencies.ReferenceCatalogue.AiFrameworkCode))
            {
                items.Add(new LearningItem(LearningSection.Recommended, module.Title,
                    "Builds your AI and digital capability: " + string.Join("; ", adds.Select(c => $"{c.SubjectName} {c.Name}")), null, module, null, null));
            }
        }

        var history = await HistoryAsync(scope.OrganisationId, person, competencies, ct);
        return new MyLearning(profile.AsOf, [.. items.OrderBy(i => i.Section).ThenBy(i => i.By ?? DateOnly.MaxValue).ThenBy(i => i.Title, StringComparer.Ordinal)], history);
    }

    private async Task<IReadOnlyList<LearningHistoryItem>> HistoryAsync(int organisationId, int person, Dictionary<int, Competencies.Competency> competencies, CancellationToken ct)
    {
        var subjects = await db.Subjects.AsNoTracking().ToDictionaryAsync(s => s.Id, s => s.Name, ct);
        var completions = await db.Completions.AsNoTracking()
            .Where(c => c.StaffMemberId == person && c.OrganisationId == organisationId)
            .OrderByDescending(c => c.CompletedOn).ThenByDescending(c => c.Id)
            .Take(200)
            .ToListAsync(ct);
        var certificates = await db.IssuedCertificates.AsNoTracking().Where(c => c.StaffMemberId == person)
            .Select(c => new { c.Id, c.ModuleVersionId, c.CompletedOn }).ToListAsync(ct);
        return completions.Select(c =>
        {
            var competency = competencies[c.CompetencyId];
            var certificate = c.ModuleVersionId is int v
                ? certificates.Where(x => x.ModuleVersionId == v && x.CompletedOn == c.CompletedOn).Select(x => (long?)x.Id).LastOrDefault()
                : null;
            var name = subjects[competency.SubjectId] == competency.Name ? competency.Name : $"{subjects[competency.SubjectId]} — {competency.Name}";
            return new LearningHistoryItem(c.CompletedOn, name, c.Source, certificate, c.Reference);
        }).ToList();
    }
}

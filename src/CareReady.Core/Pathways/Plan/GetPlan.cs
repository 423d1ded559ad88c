using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Learning;
using CareReady.Core.Pathways.Mastery;
using CareReady.Core.Pathways.Refreshers;
using CareReady.Core.Security;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Pathways.Plan;

/// <summary>
/// The ranked plan for one person: (1) what is overdue or puts patients at risk — overdue requirements,
/// refresher questions due, gaps in a safety-critical subject; (2) what expires or falls due soonest;
/// (3) gaps the person's answers show in other required subjects; (4) the next steps of the pathways
/// assigned to them or their team, or chosen by them. Each item carries a reason. Compliance is read
/// exactly as My learning reads it (<see cref="GetPersonProfile"/>); a person outside the caller's
/// scope is not found.
/// </summary>
public sealed class GetPlan(
    AppDbContext db, GetPersonProfile profiles, ListModules modules, OrganisationMastery mastery, SyncRefresherCards sync, PathwayReferenceCache reference)
{
    public async Task<PersonPlan?> RunAsync(AccessScope scope, int staffMemberId, CancellationToken ct = default)
    {
        if (await profiles.RunAsync(scope, staffMemberId, ct) is not { } profile)
        {
            return null;
        }

        var today = profile.AsOf;
        var catalogue = await modules.RunAsync(scope.OrganisationId, ct);
        var competencies = await reference.CompetenciesAsync(db, ct);
        var held = await db.Completions.AsNoTracking().Where(c => c.StaffMemberId == staffMemberId && c.OrganisationId == scope.OrganisationId)
            .Select(c => c.CompetencyId).Distinct().ToListAsync(ct);
        var safetySubjects = await SafetyCriticalSubjects.ForAsync(db, scope.OrganisationId, ct);
        var cards = await CardsAsync(scope.OrganisationId, staffMemberId, ct);
        var existing = cards.Select(c => (c.ModuleId, c.QuestionKey)).ToHashSet();
        if (held.Count > 0 && await sync.RunAsync(scope.OrganisationId, staffMemberId, catalogue, held, existing, safetySubjects, ct) > 0)
        {
            cards = await CardsAsync(scope.OrganisationId, staffMemberId, ct);
        }

        // Cards of a subject the organisation no longer counts as safety-critical rest (their memory is kept for if it comes back).
        cards = [.. cards.Where(c => competencies.TryGetValue(c.CompetencyId, out var k) && safetySubjects.Covers(k))];

        var model = await mastery.GetAsync(db, scope.OrganisationId, ct);
        var person = OrganisationMastery.PersonKey(staffMemberId);

        MasteryEstimate Mastery(int competencyId) => model.Estimate(person, OrganisationMastery.SubjectKey(competencies[competencyId].SubjectId));
        bool Safety(int competencyId) => safetySubjects.Covers(competencies[competencyId]);
        bool Holds(int competencyId) => held.Any(h => competencies.TryGetValue(h, out var c) && c.Satisfies(competencies[competencyId]));
        ModuleSummary? ModuleFor(int competencyId) => catalogue
            .Where(m => m.Confers.Any(c => competencies.TryGetValue(c.CompetencyId, out var given) && given.Satisfies(competencies[competencyId])))
            .OrderBy(m => m.Confers.Count).FirstOrDefault();
        string Title(int competencyId) => competencies[competencyId] is var c && c.Subject!.Name == c.Name ? c.Name : $"{c.Subject!.Name} — {c.Name}";

        var items = new List<(PlanTier Tier, PlanItemKind Kind, string Title, string Reason, DateOnly? By, bool Safety, ModuleSummary? Module, bool TestOut, int? Pathway)>();
        var planned = new HashSet<int>();
        foreach (var r in profile.Requirements)
        {
            var safety = Safety(r.CompetencyId);
            var module = ModuleFor(r.CompetencyId);
            var estimate = Mastery(r.CompetencyId);
            var testOut = module is not null && estimate.Level == MasteryLevel.Strong;
            var rules = r.Reasons.Count == 0
                ? "Required for your role."
                : "Required by " + string.Join("; ", r.Reasons.Select(x => $"{x.RuleName} ({x.JobRole})").Distinct(StringComparer.Ordinal)) + ".";
            var protects = safety ? " It protects patients, so it comes first." : "";
            var skip = testOut ? $" Your answers show strong mastery ({estimate.Explanation.TrimEnd('.')}), so you may take the assessment first and skip the lessons." : "";
            string? reason = null;
            PlanTier? tier = null;
            switch (r.State)
            {
                case nameof(ComplianceState.Expired):
                    (tier, reason) = (PlanTier.Urgent, $"Expired on {r.DueBy:d MMMM yyyy}: you are overdue.{protects} {rules}");
                    break;
                case nameof(ComplianceState.NotStartedOverdue):
                    (tier, reason) = (PlanTier.Urgent, $"Was due by {r.DueBy:d MMMM yyyy} and is not done yet: you are overdue.{protects} {rules}");
                    break;
                case nameof(ComplianceState.RenewalDue):
                    (tier, reason) = (PlanTier.ExpiringSoon, $"Expires on {r.DueBy:d MMMM yyyy}, in {r.DueBy.DayNumber - today.DayNumber} days; renewing now counts from that date. {rules}");
                    break;
                case nameof(ComplianceState.NotStartedInGrace):
                    (tier, reason) = (PlanTier.ExpiringSoon, $"New for you: complete it by {r.DueBy:d MMMM yyyy}. {rules}");
                    break;
                default:
                    if (r.Change is { } change)
                    {
                        (tier, reason) = (PlanTier.ExpiringSoon, $"{change.Title}: your training on {change.Source} {change.FromVersion} counts only until {change.ValidUntil:d MMMM yyyy}. Take the updated module. {rules}");
                    }
                    else if (estimate.Level == MasteryLevel.Gap && r.State != nameof(ComplianceState.Exempt))
                    {
                        (tier, reason) = safety
                            ? (PlanTier.Urgent, $"Up to date on paper, but your recent answers show a gap ({estimate.Explanation.TrimEnd('.')}) in a subject that protects patients. Revisit the module. {rules}")
                            : (PlanTier.Gap, $"Up to date on paper, but your recent answers show a gap ({estimate.Explanation.TrimEnd('.')}). Revisit the module. {rules}");
                    }

                    break;
            }

            if (tier is null)
            {
                continue;
            }

            planned.Add(r.CompetencyId);
            var kind = tier == PlanTier.Gap || (tier == PlanTier.Urgent && r.State is not (nameof(ComplianceState.Expired) or nameof(ComplianceState.NotStartedOverdue)))
                ? PlanItemKind.MasteryGap : PlanItemKind.Requirement;
            items.Add((tier.Value, kind, Title(r.CompetencyId), reason! + skip, r.DueBy, safety, module, testOut, null));
        }

        var due = cards.Where(c => c.Due <= today).ToList();
        if (due.Count > 0)
        {
            var oldest = due.Min(c => c.Due);
            var subjects = due.Select(c => competencies[c.CompetencyId].Subject!.Name).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var session = Math.Min(due.Count, RefresherParameters.SessionSize);
            items.Add((PlanTier.Urgent, PlanItemKind.Refreshers, "Refresher questions",
                $"{due.Count} {(due.Count == 1 ? "question" : "questions")} on safety-critical subjects ({string.Join(", ", subjects)}) "
                + (oldest < today ? $"due since {oldest:d MMMM yyyy}" : "due today")
                + $": a few minutes of practice now keeps what protects patients fresh. Today's session: {session} {(session == 1 ? "question" : "questions")}, under five minutes.",
                oldest, true, null, false, null));
        }

        foreach (var step in await PathwayStepsAsync(scope.OrganisationId, profile, ct))
        {
            if (Holds(step.CompetencyId) || planned.Contains(step.CompetencyId))
            {
                continue;
            }

            var module = ModuleFor(step.CompetencyId);
            var estimate = Mastery(step.CompetencyId);
            var testOut = module is not null && estimate.Level == MasteryLevel.Strong;
            var reason = $"Step {step.Position} of {step.Steps} of your pathway “{step.PathwayName}” ({step.Why})."
                + (step.Note is null ? "" : " " + step.Note + (step.Note.EndsWith('.') || step.Note.EndsWith('!') || step.Note.EndsWith('?') ? "" : "."))
                + (testOut ? $" Your answers show strong mastery ({estimate.Explanation.TrimEnd('.')}), so you may take the assessment first and skip the lessons." : "")
                + (module is null ? " There is no CareReady module for it yet: ask your educator." : "");
            items.Add((PlanTier.Development, PlanItemKind.PathwayStep, Title(step.CompetencyId), reason, null, Safety(step.CompetencyId), module, testOut, step.PathwayId));
        }

        var ranked = items
            .OrderBy(i => i.Tier)
            .ThenByDescending(i => i.Tier == PlanTier.Urgent && i.Safety)
            .ThenBy(i => i.Tier == PlanTier.Development ? DateOnly.MinValue : i.By ?? DateOnly.MaxValue)
            .ThenBy(i => i.Pathway ?? 0)
            .Select((i, n) => new PlanItem(n + 1, i.Tier, i.Kind, i.Title, i.Reason, i.By, i.Safety, i.Module, i.TestOut, i.Pathway))
            .ToList();
        return new PersonPlan(profile.Id, profile.FirstName + " " + profile.LastName, today, ranked, due.Count, cards.Count,
            cards.Where(c => c.Due > today).Select(c => (DateOnly?)c.Due).Min());
    }

    private sealed record CardDue(int ModuleId, string QuestionKey, DateOnly Due, int CompetencyId);

    private Task<List<CardDue>> CardsAsync(int organisationId, int staffMemberId, CancellationToken ct) =>
        db.RefresherCards.AsNoTracking().Where(c => c.StaffMemberId == staffMemberId && c.OrganisationId == organisationId)
            .Select(c => new CardDue(c.ModuleId, c.QuestionKey, c.Due, c.CompetencyId)).ToListAsync(ct);

    /// <summary>The department ids on a materialised path ("/3/17/42/" → 3, 17, 42).</summary>
    private static IEnumerable<int> Ancestry(string path) =>
        path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(id => int.Parse(id, System.Globalization.CultureInfo.InvariantCulture));

    private sealed record Step(int PathwayId, string PathwayName, int Position, int Steps, int CompetencyId, string? Note, string Why);

    /// <summary>Steps of every active pathway assigned to the person, to a department above one of their current positions, or chosen by them.</summary>
    private async Task<IReadOnlyList<Step>> PathwayStepsAsync(int organisationId, PersonProfile profile, CancellationToken ct)
    {
        var positionDepartments = profile.Positions.Where(p => p.IsCurrent).Select(p => p.DepartmentId).ToList();
        var paths = await db.Departments.AsNoTracking().Where(d => positionDepartments.Contains(d.Id)).Select(d => d.Path).ToListAsync(ct);
        var departments = paths.SelectMany(Ancestry).Distinct().ToList();
        var assignments = await db.PathwayAssignments.AsNoTracking()
            .Where(a => a.OrganisationId == organisationId && a.EndedAt == null
                && (a.StaffMemberId == profile.Id || (a.DepartmentId != null && departments.Contains(a.DepartmentId.Value))))
            .OrderBy(a => a.AssignedAt).ThenBy(a => a.Id)
            .ToListAsync(ct);
        if (assignments.Count == 0)
        {
            return [];
        }

        var ids = assignments.Select(a => a.RolePathwayId).Distinct().ToList();
        var pathways = await db.RolePathways.AsNoTracking().Include(p => p.Steps)
            .Where(p => ids.Contains(p.Id) && p.OrganisationId == organisationId && p.Active).ToDictionaryAsync(p => p.Id, ct);
        var departmentNames = await db.Departments.AsNoTracking().Where(d => departments.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Name, ct);
        var steps = new List<Step>();
        foreach (var group in assignments.GroupBy(a => a.RolePathwayId))
        {
            if (!pathways.TryGetValue(group.Key, out var pathway))
            {
                continue;
            }

            var a = group.First();
            var why = a.ChosenByLearner ? $"you chose it on {a.AssignedAt:d MMMM yyyy}"
                : a.DepartmentId is int d ? $"assigned to {departmentNames.GetValueOrDefault(d, "your team")} on {a.AssignedAt:d MMMM yyyy}"
                : $"assigned to you on {a.AssignedAt:d MMMM yyyy}";
            var ordered = pathway.Steps.OrderBy(s => s.Position).ToList();
            steps.AddRange(ordered.Select((s, i) => new Step(pathway.Id, pathway.Name, i + 1, ordered.Count, s.CompetencyId, s.Note, why)));
        }

        return steps;
    }
}

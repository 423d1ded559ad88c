using System.Globalization;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Pathways.Refreshers;
using CareReady.Core.Security;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Notifications;

public sealed record NotificationJobResult(int Organisations, int Notices, int Emails, int Skipped);

/// <summary>
/// The daily job: for each organisation, reads compliance on the day from the reference calculation
/// (<see cref="ComputeComplianceSnapshot"/>) and queues reminders before the due date (60/30/7 days),
/// overdue notices to the person, escalations to their line managers, the weekly manager digest and
/// the weekly refresher digest for people who asked for it (<see cref="RefresherDigests"/>).
/// Every notification has a dedup key, so running the job again (the same day, after a restart, on two
/// nodes) queues nothing new.
/// </summary>
public sealed class RunNotificationJob(
    AppDbContext db, ComputeComplianceSnapshot snapshots, NotificationWriter writer, NotificationOptions options, RefresherDigests refresherDigests)
{
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    public async Task<NotificationJobResult> RunAsync(DateOnly today, CancellationToken cancellationToken = default)
    {
        var organisations = await db.Organisations.AsNoTracking().OrderBy(o => o.Id).Select(o => o.Id).ToListAsync(cancellationToken);
        var (notices, emails, skipped) = (0, 0, 0);
        foreach (var organisationId in organisations)
        {
            EnqueueResult result;
            try
            {
                result = await RunForOrganisationAsync(organisationId, today, cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Another node queued some of the same notifications at the same moment (a dedup key clash): go again, skipping them.
                db.ChangeTracker.Clear();
                result = await RunForOrganisationAsync(organisationId, today, cancellationToken);
            }

            (notices, emails, skipped) = (notices + result.Notices, emails + result.Emails, skipped + result.Skipped);
        }

        return new NotificationJobResult(organisations.Count, notices, emails, skipped);
    }

    private async Task<EnqueueResult> RunForOrganisationAsync(int organisationId, DateOnly today, CancellationToken ct)
    {
        var everyone = new AccessScope("system", organisationId, OrganisationWide: true, new HashSet<int>(), null, new HashSet<string>());
        var snapshot = await snapshots.RunAsync(everyone, null, today, ct);
        var team = await TeamStructure.LoadAsync(db, organisationId, today, ct);
        var requests = new List<NotificationRequest>();

        foreach (var person in snapshot.People)
        {
            foreach (var status in person.Statuses)
            {
                var competency = status.Requirement.Competency;
                var due = status.DueBy;
                var daysLeft = due.DayNumber - today.DayNumber;
                if (IsUpcoming(status) && daysLeft > 0
                    && options.ReminderDays.Where(d => daysLeft <= d).DefaultIfEmpty(-1).Min() is var threshold and >= 0)
                {
                    requests.Add(new NotificationRequest(organisationId, NotificationRecipient.Staff(person.StaffMemberId), NoticeKind.Reminder,
                        $"{competency.Name} is due by {Day(due)}",
                        [
                            status.State == ComplianceState.NotStartedInGrace
                                ? $"You need {competency.Name} for your role. Please complete it by {Day(due)} ({Days(daysLeft)} from today)."
                                : $"Your {competency.Name} expires on {Day(due)} ({Days(daysLeft)} from today). Renew it before then to stay up to date.",
                            "You can find it under My learning in CareReady.",
                        ],
                        "/learning", $"reminder:{person.StaffMemberId}:{competency.Id}:{Key(due)}:{threshold}", "Go to My learning"));
                }

                if (status.State is not (ComplianceState.Expired or ComplianceState.NotStartedOverdue))
                {
                    continue;
                }

                requests.Add(new NotificationRequest(organisationId, NotificationRecipient.Staff(person.StaffMemberId), NoticeKind.Overdue,
                    $"{competency.Name} is overdue",
                    [
                        status.State == ComplianceState.Expired
                            ? $"Your {competency.Name} expired on {Day(due)}. You are not up to date until you renew it."
                            : $"You needed to complete {competency.Name} by {Day(due)}.",
                        "Please complete it as soon as you can; your line manager can see that it is overdue.",
                    ],
                    "/learning", $"overdue:{person.StaffMemberId}:{competency.Id}:{Key(due)}", "Go to My learning"));

                if (today.DayNumber - due.DayNumber < options.EscalateAfterDays)
                {
                    continue;
                }

                foreach (var manager in team.LineManagersOf(person.StaffMemberId))
                {
                    requests.Add(new NotificationRequest(organisationId, NotificationRecipient.Account(manager), NoticeKind.Escalation,
                        $"{person.Name} is overdue for {competency.Name}",
                        [
                            $"{person.Name} ({person.JobRole}, {person.DepartmentName}) has been overdue for {competency.Name} since {Day(due)}.",
                            "Please help them make time to complete it.",
                        ],
                        $"/people/{person.StaffMemberId}", $"escalation:{manager}:{person.StaffMemberId}:{competency.Id}:{Key(due)}", "See their record"));
                }
            }
        }

        if (MondayBased(today.DayOfWeek) >= MondayBased(options.DigestDay))
        {
            requests.AddRange(Digests(organisationId, snapshot, team, today));
            requests.AddRange(await refresherDigests.RunAsync(organisationId, snapshot.People.Select(p => p.StaffMemberId).ToHashSet(), today, Week(today), ct));
        }

        var result = await writer.EnqueueAsync(requests, ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return result;
    }

    private static IEnumerable<NotificationRequest> Digests(int organisationId, ComplianceSnapshot snapshot, TeamStructure team, DateOnly today)
    {
        var week = Week(today);
        var dueSoon = ComplianceLists.DueWithin(snapshot, 30).ToLookup(i => i.StaffMemberId);
        var overdue = ComplianceLists.Overdue(snapshot).ToLookup(i => i.StaffMemberId);
        foreach (var manager in team.Managers)
        {
            var people = snapshot.People.Where(p => team.Manages(manager, p.StaffMemberId)).Select(p => p.StaffMemberId).ToList();
            if (people.Count == 0)
            {
                continue;
            }

            var overduePeople = people.Count(id => overdue[id].Any());
            var overdueItems = people.Sum(id => overdue[id].Count());
            var duePeople = people.Count(id => dueSoon[id].Any());
            var dueItems = people.Sum(id => dueSoon[id].Count());
            yield return new NotificationRequest(organisationId, NotificationRecipient.Account(manager), NoticeKind.Digest,
                $"Your team this week: {Plural(overduePeople, "person", "people")} overdue, {duePeople} due in 30 days",
                [
                    $"Week beginning {Day(today.AddDays(-MondayBased(today.DayOfWeek)))}: {Plural(people.Count, "person", "people")} in your team.",
                    $"Overdue: {Plural(overduePeople, "person", "people")} ({Plural(overdueItems, "requirement", "requirements")}).",
                    $"Due in the next 30 days: {Plural(duePeople, "person", "people")} ({Plural(dueItems, "requirement", "requirements")}).",
                ],
                "/compliance", $"digest:{manager}:{week}", "See your team's compliance");
        }
    }

    /// <summary>Met or in grace, not exempt, and with a date it falls due (the same test as the 30/60/90-day lists).</summary>
    private static bool IsUpcoming(RequirementStatus s) =>
        s.State is ComplianceState.Certified or ComplianceState.RenewalDue or ComplianceState.NotStartedInGrace
        && s.ExemptUntil is null
        && (s.State == ComplianceState.NotStartedInGrace || s.ExpiresOn is not null);

    /// <summary>The ISO week of a day ("2026-W10"): the digests' dedup keys hold it, so each goes once a week.</summary>
    private static string Week(DateOnly today) =>
        $"{ISOWeek.GetYear(today.ToDateTime(TimeOnly.MinValue))}-W{ISOWeek.GetWeekOfYear(today.ToDateTime(TimeOnly.MinValue)):00}";

    private static int MondayBased(DayOfWeek day) => ((int)day + 6) % 7;

    private static string Day(DateOnly d) => d.ToString("d MMMM yyyy", English);

    private static string Key(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Days(int n) => n == 1 ? "1 day" : n + " days";

    private static string Plural(int n, string one, string many) => n + " " + (n == 1 ? one : many);
}

/// <summary>Who manages whom on a day: managers' department subtrees and people's current departments.</summary>
internal sealed class TeamStructure
{
    private readonly Dictionary<string, List<string>> _roots = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int?> _ownStaff = new(StringComparer.Ordinal);
    private readonly ILookup<int, string> _paths;

    private TeamStructure(ILookup<int, string> paths) => _paths = paths;

    public IEnumerable<string> Managers => _roots.Keys.Order(StringComparer.Ordinal);

    public static async Task<TeamStructure> LoadAsync(AppDbContext db, int organisationId, DateOnly day, CancellationToken ct)
    {
        var departments = await db.Departments.AsNoTracking().Where(d => d.OrganisationId == organisationId)
            .ToDictionaryAsync(d => d.Id, d => d.Path, ct);
        var positions = await db.Positions.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId && p.StartDate <= day && (p.EndDate == null || p.EndDate > day))
            .Select(p => new { p.StaffMemberId, p.DepartmentId })
            .ToListAsync(ct);
        var team = new TeamStructure(positions.Where(p => departments.ContainsKey(p.DepartmentId))
            .ToLookup(p => p.StaffMemberId, p => departments[p.DepartmentId]));

        var managerRole = await db.Roles.Where(r => r.Name == Roles.Manager).Select(r => r.Id).FirstOrDefaultAsync(ct);
        var managers = await db.Users.AsNoTracking()
            .Where(u => u.OrganisationId == organisationId && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == managerRole))
            .Select(u => new { u.Id, u.StaffMemberId })
            .ToListAsync(ct);
        var scopes = (await db.ManagerScopes.AsNoTracking().Where(m => m.OrganisationId == organisationId)
            .Select(m => new { m.UserId, m.DepartmentId }).ToListAsync(ct)).ToLookup(m => m.UserId);
        foreach (var m in managers)
        {
            var roots = scopes[m.Id].Where(s => departments.ContainsKey(s.DepartmentId)).Select(s => departments[s.DepartmentId]).ToList();
            if (roots.Count > 0)
            {
                team._roots[m.Id] = roots;
                team._ownStaff[m.Id] = m.StaffMemberId;
            }
        }

        return team;
    }

    /// <summary>The manager's subtrees hold one of the person's current departments (a manager is not their own team).</summary>
    public bool Manages(string manager, int staffMemberId) =>
        _ownStaff[manager] != staffMemberId
        && _paths[staffMemberId].Any(path => _roots[manager].Any(root => DepartmentTree.IsWithin(path, root)));

    /// <summary>
    /// For each of the person's current departments, the managers whose managed department is the
    /// closest above it (a ward manager before the matron of the division), never the person themself.
    /// </summary>
    public IReadOnlyList<string> LineManagersOf(int staffMemberId)
    {
        var result = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var path in _paths[staffMemberId])
        {
            var closest = _roots
                .Where(m => _ownStaff[m.Key] != staffMemberId)
                .Select(m => (Manager: m.Key, Depth: m.Value.Where(root => DepartmentTree.IsWithin(path, root)).Select(r => r.Length).DefaultIfEmpty(-1).Max()))
                .Where(m => m.Depth >= 0)
                .ToList();
            if (closest.Count == 0)
            {
                continue;
            }

            var deepest = closest.Max(m => m.Depth);
            result.UnionWith(closest.Where(m => m.Depth == deepest).Select(m => m.Manager));
        }

        return [.. result];
    }
}

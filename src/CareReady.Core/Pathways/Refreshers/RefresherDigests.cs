using System.Globalization;
using CareReady.Core.Data;
using CareReady.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Pathways.Refreshers;

/// <summary>
/// The weekly refresher digest: for everyone in the organisation who asked for it (email preference
/// <see cref="NotificationPreference.EmailRefreshers"/>) and is on the staff that day, one notification
/// a week saying how many of their refresher questions are due now and in the coming seven days, with a
/// link to a session. Nothing due: nothing sent. The person's cards are brought up to date first (as
/// opening the plan would), so someone who opted in but has not visited since gaining a safety-critical
/// subject still hears about it. The dedup key holds the ISO week, so the daily job queues it once.
/// </summary>
public sealed class RefresherDigests(AppDbContext db, SyncRefresherCards sync, PathwayReferenceCache reference)
{
    /// <summary>Days ahead counted as "due this week" (today and the next six days).</summary>
    public const int WeekDays = 7;

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <param name="organisationId">The organisation.</param>
    /// <param name="currentStaff">Staff members on the staff on <paramref name="today"/> (leavers get nothing).</param>
    /// <param name="today">The day the job stands on.</param>
    /// <param name="week">The ISO week ("2026-W10"), part of the dedup key.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task<IReadOnlyList<NotificationRequest>> RunAsync(
        int organisationId, IReadOnlySet<int> currentStaff, DateOnly today, string week, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(currentStaff);
        var optedIn = await db.NotificationPreferences.AsNoTracking()
            .Where(p => p.OrganisationId == organisationId && p.EmailRefreshers && p.StaffMemberId != null)
            .Select(p => p.StaffMemberId!.Value).Distinct().ToListAsync(ct);
        // Those already told this week (the job runs daily from the digest day on) are skipped before any work.
        var told = new HashSet<string>(StringComparer.Ordinal);
        foreach (var chunk in optedIn.Select(p => Key(p, week)).Chunk(500))
        {
            told.UnionWith(await db.Notices.AsNoTracking().Where(n => n.OrganisationId == organisationId && chunk.Contains(n.DedupKey))
                .Select(n => n.DedupKey).ToListAsync(ct));
        }

        var people = optedIn.Where(p => currentStaff.Contains(p) && !told.Contains(Key(p, week))).Order().ToList();
        if (people.Count == 0)
        {
            return [];
        }

        foreach (var person in people)
        {
            await sync.RunAsync(organisationId, person, ct);
        }

        var horizon = today.AddDays(WeekDays);
        var safety = await GetRefresherSession.SafetyCriticalCompetencyIdsAsync(db, reference, organisationId, ct);
        var due = new List<(int StaffMemberId, DateOnly Due, int CompetencyId)>();
        foreach (var chunk in people.Chunk(500))
        {
            due.AddRange((await db.RefresherCards.AsNoTracking()
                    .Where(c => c.OrganisationId == organisationId && chunk.Contains(c.StaffMemberId) && c.Due < horizon && safety.Contains(c.CompetencyId))
                    .Select(c => new { c.StaffMemberId, c.Due, c.CompetencyId })
                    .ToListAsync(ct))
                .Select(c => (c.StaffMemberId, c.Due, c.CompetencyId)));
        }

        var cards = due.ToLookup(c => c.StaffMemberId);
        var competencies = await reference.CompetenciesAsync(db, ct);
        var requests = new List<NotificationRequest>();
        foreach (var person in people)
        {
            var mine = cards[person].ToList();
            if (mine.Count == 0)
            {
                continue;
            }

            var now = mine.Count(c => c.Due <= today);
            var later = mine.Count - now;
            var subjects = mine.Select(c => competencies.TryGetValue(c.CompetencyId, out var k) ? k.Subject!.Name : null).OfType<string>()
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
            var sessions = (int)Math.Ceiling(mine.Count / (double)RefresherParameters.SessionSize);
            requests.Add(new NotificationRequest(organisationId, NotificationRecipient.Staff(person), NoticeKind.Refreshers,
                $"Refresher questions this week: {Questions(mine.Count)} due",
                [
                    (now > 0 ? $"{Questions(now)} {(now == 1 ? "is" : "are")} due now" : "Nothing is due today")
                        + (later > 0 ? $" and {later} more by {today.AddDays(WeekDays - 1).ToString("dddd d MMMM", English)}" : "")
                        + (subjects.Count > 0 ? $", on {string.Join(", ", subjects)}." : "."),
                    $"A session is at most {RefresherParameters.SessionSize} questions and under five minutes, the ones you are closest to forgetting first"
                        + (sessions > 1 ? $": about {sessions} sessions this week." : "."),
                    "You get this email because you asked for the weekly refresher digest; you can turn it off under Email preferences.",
                ],
                "/pathways/refresher", Key(person, week), "Start a refresher session"));
        }

        return requests;
    }

    private static string Key(int person, string week) => $"refreshers:{person}:{week}";

    private static string Questions(int n) => n == 1 ? "1 question" : n.ToString(CultureInfo.InvariantCulture) + " questions";
}

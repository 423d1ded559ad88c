using System.Globalization;
using CareReady.Core.Data;
using CareReady.Core.Notifications;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Regulation;

/// <summary>
/// Tells the people an applied change moved, and their line managers: one notice (and email, by their
/// preferences) per person naming the change, the new version and the date their training stops counting;
/// one per line manager with how many of their team must act. Runs straight after an apply and again in
/// the daily notification job, so a crash in between loses nothing; dedup keys make it safe to repeat.
/// Works in batches, each saved on its own, and marks the change notified when all are queued.
/// </summary>
public sealed class SendChangeNotices(AppDbContext db, NotificationWriter writer, TimeProvider time)
{
    private const int Batch = 2000;
    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en-GB");

    /// <returns>Notices queued.</returns>
    public async Task<int> RunAsync(int? organisationId, CancellationToken ct = default)
    {
        var pending = await db.RegulatoryChanges.AsNoTracking()
            .Where(c => c.Status == ChangeStatus.Applied && c.NotifiedAt == null && (organisationId == null || c.OrganisationId == organisationId))
            .OrderBy(c => c.Id)
            .Select(c => new { c.Id, c.OrganisationId, c.Title, Source = c.Source!.Name, From = c.FromVersion!.Label, To = c.ToVersion!.Label, c.ToVersion.Summary, c.Action, c.Deadline, c.AppliedAt })
            .ToListAsync(ct);
        var queued = 0;
        foreach (var change in pending)
        {
            if (change.Action is ChangeAction.RequireUpdate or ChangeAction.ExpireNow)
            {
                var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                var until = change.Deadline!.Value.ToString("d MMMM yyyy", English);
                var staff = await db.CertificationCaps.AsNoTracking()
                    .Where(k => k.RegulatoryChangeId == change.Id && k.RevokedAt == null && k.CreatedAt <= change.AppliedAt)
                    .Select(k => k.StaffMemberId).Distinct().OrderBy(s => s).ToListAsync(ct);
                var stops = change.Action == ChangeAction.ExpireNow ? $"no longer counts from {until}" : $"counts only until {until}";
                var team = await TeamStructure.LoadAsync(db, change.OrganisationId, today, ct);
                var perManager = new Dictionary<string, int>(StringComparer.Ordinal);
                foreach (var chunk in staff.Chunk(Batch))
                {
                    var requests = chunk.Select(s => new NotificationRequest(change.OrganisationId, NotificationRecipient.Staff(s), NoticeKind.Change,
                        $"{change.Title}: take the updated training by {until}",
                        [$"{change.Source} has changed from {change.From} to {change.To}.", change.Summary ?? "",
                         $"Your training on the previous version {stops}. Take the updated module to stay up to date."],
                        "/learning", $"change:{change.Id}:{s}", "Open My learning")).ToList();
                    queued += (await writer.EnqueueAsync(requests, ct)).Notices;
                    await db.SaveChangesAsync(ct);
                    db.ChangeTracker.Clear();
                    foreach (var s in chunk)
                    {
                        foreach (var manager in team.LineManagersOf(s))
                        {
                            perManager[manager] = perManager.GetValueOrDefault(manager) + 1;
                        }
                    }
                }

                var managerRequests = perManager.Select(m => new NotificationRequest(change.OrganisationId, NotificationRecipient.Account(m.Key), NoticeKind.Change,
                    $"{change.Title}: {m.Value} of your team must take updated training by {until}",
                    [$"{change.Source} has changed from {change.From} to {change.To}.", change.Summary ?? "",
                     $"Training on the previous version {stops} for {(m.Value == 1 ? "1 person" : m.Value + " people")} you manage."],
                    "/compliance", $"change:{change.Id}:manager:{m.Key}", "Open team compliance")).ToList();
                queued += (await writer.EnqueueAsync(managerRequests, ct)).Notices;
            }

            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            await db.RegulatoryChanges.Where(c => c.Id == change.Id).ExecuteUpdateAsync(s => s.SetProperty(c => c.NotifiedAt, time.GetUtcNow().UtcDateTime), ct);
        }

        return queued;
    }
}

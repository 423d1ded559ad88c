using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CareReady.Core.Compliance;
using CareReady.Core.Data;
using CareReady.Core.Notifications;
using CareReady.Core.Pathways.Refreshers;
using CareReady.Web.Tests.Infrastructure;
using CareReady.Web.Tests.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Pathways;

/// <summary>
/// The weekly refresher digest through the daily job, the outbox and a real SMTP server: once a week to
/// someone who opted in and has refresher questions due; never to someone who did not opt in, opted out,
/// or has nothing due.
/// </summary>
public class RefresherDigestTests
{
    private const string Subject = "Refresher questions this week";

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task An_opted_in_learner_with_due_refreshers_gets_one_digest_a_week_and_nobody_else_does(DatabaseProvider provider)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = await TestApp.StartAsync(provider, settings: smtp.Settings());
        await PathwayWorld.SetUpAsync(app);
        // Ben (Ward B) holds resuscitation too, so he has refresher questions due, but never asked for the digest.
        await using (var db = app.NewDbContext())
        {
            db.Completions.Add(new Completion
            {
                OrganisationId = app.Data.OrgA, StaffMemberId = app.Data.NurseB.Id,
                CompetencyId = await db.Competencies.Where(c => c.Code == "CSTF-RES-1").Select(c => c.Id).SingleAsync(),
                CompletedOn = Jobs.Today.AddDays(-50), Source = CompletionSource.Historic,
            });
            await db.SaveChangesAsync();
        }

        await using (var scope = app.Services.CreateAsyncScope())
        {
            Assert.Equal(6, await scope.ServiceProvider.GetRequiredService<SyncRefresherCards>().RunAsync(app.Data.OrgA, app.Data.NurseB.Id));
        }

        using var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        using var manager = await app.SignedInClientAsync(TestData.ManagerEmail);
        Assert.False((await learner.GetFromJsonAsync<JsonElement>("/api/v1/notifications/preferences")).GetProperty("emailRefreshers").GetBoolean());
        Assert.Contains("Weekly refresher digest", await learner.GetStringAsync("/notifications/preferences"), StringComparison.Ordinal);

        // The learner opts in on the page (only this email); the manager opts in through the API but has nothing due.
        var page = await learner.PostFormAsync("/notifications/preferences", new Dictionary<string, string> { ["EmailRefreshers"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.True((await learner.GetFromJsonAsync<JsonElement>("/api/v1/notifications/preferences")).GetProperty("emailRefreshers").GetBoolean());
        (await manager.PutAsJsonAsync("/api/v1/notifications/preferences",
            new { emailReminders = true, emailEscalations = true, emailChanges = true, emailDigest = true, emailRefreshers = true })).EnsureSuccessStatusCode();

        // Monday: the digest goes out once, however often the job runs that week.
        await RunJobAndDeliverAsync(app, smtp, Jobs.Today);
        await RunJobAndDeliverAsync(app, smtp, Jobs.Today);
        await RunJobAndDeliverAsync(app, smtp, Jobs.Today.AddDays(3));
        var digest = Assert.Single(Digests(smtp));
        Assert.Equal("amara.okafor@test.example", digest.To);
        Assert.Equal("Refresher questions this week: 6 questions due", digest.Subject);
        Assert.Contains("6 questions are due now, on Resuscitation.", digest.Text, StringComparison.Ordinal);
        Assert.Contains("Start a refresher session: https://careready.test.example/pathways/refresher", digest.Text, StringComparison.Ordinal);
        Assert.Contains("href=\"https://careready.test.example/pathways/refresher\"", digest.Html, StringComparison.Ordinal);
        Assert.Contains("background-color:#005eb8", digest.Html, StringComparison.Ordinal);

        await using (var db = app.NewDbContext())
        {
            var notice = await db.Notices.SingleAsync(n => n.Kind == NoticeKind.Refreshers);
            Assert.Equal((app.Data.NurseA.Id, "/pathways/refresher"), (notice.StaffMemberId!.Value, notice.Link));
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.SentAt == null));
        }

        // The next week, still due: one more.
        app.Clock.Advance(TimeSpan.FromDays(7));
        await RunJobAndDeliverAsync(app, smtp, Jobs.Today.AddDays(7));
        Assert.Equal(2, Digests(smtp).Count);

        // Opted out (a new sign-in: a week has passed): no more, though the questions are still due.
        using var again = await app.SignedInClientAsync(TestData.LearnerEmail);
        (await again.PutAsJsonAsync("/api/v1/notifications/preferences",
            new { emailReminders = true, emailEscalations = true, emailChanges = true, emailDigest = true, emailRefreshers = false })).EnsureSuccessStatusCode();
        app.Clock.Advance(TimeSpan.FromDays(7));
        await RunJobAndDeliverAsync(app, smtp, Jobs.Today.AddDays(14));

        var digests = Digests(smtp);
        Assert.Equal(2, digests.Count);
        Assert.All(digests, d => Assert.Equal("amara.okafor@test.example", d.To));
        Assert.DoesNotContain(smtp.Received, r => r.To == "ben.hughes@test.example" && r.Subject.StartsWith(Subject, StringComparison.Ordinal));
        await using (var db = app.NewDbContext())
        {
            // Ben's six questions were due all along — he simply did not ask; the manager had nothing due.
            Assert.Equal(2, await db.Notices.CountAsync(n => n.Kind == NoticeKind.Refreshers));
            Assert.Equal(6, await db.RefresherCards.CountAsync(c => c.StaffMemberId == app.Data.NurseB.Id && c.Due <= Jobs.Today));
        }
    }

    private static List<ReceivedEmail> Digests(TestSmtpServer smtp) =>
        [.. smtp.Received.Where(r => r.Subject.StartsWith(Subject, StringComparison.Ordinal))];

    /// <summary>Runs the daily job for <paramref name="day"/> and waits until the SMTP server has every queued email.</summary>
    private static async Task RunJobAndDeliverAsync(TestApp app, TestSmtpServer smtp, DateOnly day)
    {
        await Jobs.RunAsync(app, day);
        var queued = (await Jobs.OutboxAsync(app)).Count;
        await smtp.WaitForAsync(queued);
        Assert.Equal(queued, smtp.Received.Count);
    }
}

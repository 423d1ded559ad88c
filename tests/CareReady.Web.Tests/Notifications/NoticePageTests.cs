using System.Net;
using System.Net.Http.Json;
using CareReady.Core.Data;
using CareReady.Core.Notifications;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Notifications;

/// <summary>The Notifications page, the header count and the API: each person sees their own notices only.</summary>
public sealed class NoticePageTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_person_sees_and_reads_only_their_own_notices(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var (mine, someoneElses, otherOrg) = await QueueAsync(app);

        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var page = await learner.GetStringAsync("/notifications");
        Assert.Contains("Fire safety is due by 1 May 2026", page, StringComparison.Ordinal);
        Assert.Contains("Your first notice", page, StringComparison.Ordinal);
        Assert.DoesNotContain("For Ben only", page, StringComparison.Ordinal);
        Assert.DoesNotContain("For Beta only", page, StringComparison.Ordinal);
        Assert.Contains("Notifications (2 unread)", page, StringComparison.Ordinal);

        var list = await learner.GetFromJsonAsync<NoticeList>("/api/v1/notifications", Json.Options);
        Assert.Equal(2, list!.Unread);
        Assert.Equal(["Fire safety is due by 1 May 2026", "Your first notice"], list.Items.Select(i => i.Title).Order(StringComparer.Ordinal));
        Assert.Equal(["Your Fire safety expires on 1 May 2026.", "Renew it in time."], list.Items.Single(i => i.Id == mine).Paragraphs);

        // Someone else's notice, or another organisation's, is not found (and stays unread).
        Assert.Equal(HttpStatusCode.NotFound, (await learner.PostAsync($"/api/v1/notifications/{someoneElses}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.PostAsync($"/api/v1/notifications/{otherOrg}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await learner.PostFormAsync("/notifications?handler=Read", new Dictionary<string, string> { ["id"] = someoneElses.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/notifications")).StatusCode);

        // Mark one read on the page: the header count goes down.
        var read = await learner.PostFormAsync("/notifications?handler=Read", new Dictionary<string, string> { ["id"] = mine.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/notifications");
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        Assert.Contains("Notifications (1 unread)", await learner.GetStringAsync("/notifications"), StringComparison.Ordinal);
        Assert.Equal(1, (await learner.GetFromJsonAsync<CountBody>("/api/v1/notifications/count", Json.Options))!.Unread);

        // Mark all read through the API.
        Assert.Equal(HttpStatusCode.OK, (await learner.PostAsync("/api/v1/notifications/read-all", null)).StatusCode);
        Assert.Equal(0, (await learner.GetFromJsonAsync<CountBody>("/api/v1/notifications/count", Json.Options))!.Unread);
        Assert.Contains("You have no unread notifications.", await learner.GetStringAsync("/notifications"), StringComparison.Ordinal);

        // The other organisation's person sees theirs only; a compliance lead sees none of the learner's.
        var beta = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        var betaList = await beta.GetFromJsonAsync<NoticeList>("/api/v1/notifications", Json.Options);
        Assert.Equal(["For Beta only"], betaList!.Items.Select(i => i.Title));
        var compliance = await app.SignedInClientAsync(TestData.ComplianceEmail);
        Assert.Empty((await compliance.GetFromJsonAsync<NoticeList>("/api/v1/notifications", Json.Options))!.Items);

        // Signed out: no notices.
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync("/api/v1/notifications")).StatusCode);
    }

    private sealed record CountBody(int Unread);

    private static async Task<(long Mine, long SomeoneElses, long OtherOrg)> QueueAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var writer = scope.ServiceProvider.GetRequiredService<NotificationWriter>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var d = app.Data;
        await writer.EnqueueAsync(
        [
            new(d.OrgA, NotificationRecipient.Staff(d.NurseA.Id), NoticeKind.Reminder, "Fire safety is due by 1 May 2026",
                ["Your Fire safety expires on 1 May 2026.", "Renew it in time."], "/learning", "test:mine"),
            new(d.OrgA, NotificationRecipient.Staff(d.NurseA.Id), NoticeKind.Change, "Your first notice", ["Hello."], null, "test:mine-2"),
            new(d.OrgA, NotificationRecipient.Staff(d.NurseB.Id), NoticeKind.Overdue, "For Ben only", ["Not for Amara."], null, "test:ben"),
            new(d.OrgB, NotificationRecipient.Staff(d.OtherOrgNurse.Id), NoticeKind.Overdue, "For Beta only", ["Not for Alpha."], null, "test:beta"),
        ]);
        // The same key again is skipped.
        var again = await writer.EnqueueAsync(new NotificationRequest(d.OrgA, NotificationRecipient.Staff(d.NurseA.Id), NoticeKind.Reminder, "Duplicate", ["x"], null, "test:mine"));
        Assert.Equal(new EnqueueResult(0, 0, 1), again);
        await db.SaveChangesAsync();
        var ids = db.Notices.Local.ToDictionary(n => n.DedupKey, n => n.Id);
        return (ids["test:mine"], ids["test:ben"], ids["test:beta"]);
    }
}

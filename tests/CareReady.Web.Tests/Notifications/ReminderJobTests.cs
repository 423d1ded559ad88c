using System.Net;
using System.Net.Http.Json;
using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Notifications;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Notifications;

/// <summary>
/// The daily job on chosen days. Test world (see TestData): Nurse A (Ward A, the learner) did fire
/// safety on 2025-03-02, so it expires 2027-03-02, and has never done adult BLS (overdue); Nurse B
/// (Ward B) and the finance clerk are overdue for everything; the manager (Ward A) is Dev Sharma,
/// himself a Ward A nurse who is overdue.
/// </summary>
public sealed class ReminderJobTests
{
    private static readonly DateOnly FireExpiry = new(2027, 3, 2);

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Reminders_go_out_at_60_30_and_7_days_once_each(DatabaseProvider provider)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = await TestApp.StartAsync(provider, settings: smtp.Settings());
        var nurse = app.Data.NurseA.Id;

        async Task<List<string>> FireRemindersAsync() => [.. (await Jobs.NoticesAsync(app))
            .Where(n => n.Kind == NoticeKind.Reminder && n.StaffMemberId == nurse).Select(n => n.DedupKey)];

        await Jobs.RunAsync(app, FireExpiry.AddDays(-61));
        Assert.Empty(await FireRemindersAsync());

        await Jobs.RunAsync(app, FireExpiry.AddDays(-60));
        var fireCompetency = (await Jobs.NoticesAsync(app)).Single(n => n.Kind == NoticeKind.Reminder && n.StaffMemberId == nurse).DedupKey.Split(':')[2];
        Assert.Equal([$"reminder:{nurse}:{fireCompetency}:2027-03-02:60"], await FireRemindersAsync());

        // The next days until the 30-day mark add nothing.
        await Jobs.RunAsync(app, FireExpiry.AddDays(-59));
        await Jobs.RunAsync(app, FireExpiry.AddDays(-31));
        Assert.Single(await FireRemindersAsync());

        await Jobs.RunAsync(app, FireExpiry.AddDays(-30));
        await Jobs.RunAsync(app, FireExpiry.AddDays(-8));
        await Jobs.RunAsync(app, FireExpiry.AddDays(-7));
        await Jobs.RunAsync(app, FireExpiry.AddDays(-1));
        Assert.Equal(
            [$"reminder:{nurse}:{fireCompetency}:2027-03-02:60", $"reminder:{nurse}:{fireCompetency}:2027-03-02:30", $"reminder:{nurse}:{fireCompetency}:2027-03-02:7"],
            await FireRemindersAsync());

        // Each reminder is also an email to the nurse's work address, in the NHS.UK layout.
        var emails = (await Jobs.OutboxAsync(app)).Where(m => m.Kind == NoticeKind.Reminder && m.StaffMemberId == nurse).ToList();
        Assert.Equal(3, emails.Count);
        Assert.All(emails, m => Assert.Equal("amara.okafor@test.example", m.ToAddress));
        Assert.All(emails, m => Assert.Contains("due by 2 March 2027", m.Subject, StringComparison.Ordinal));
        Assert.Contains("(7 days from today)", emails[2].TextBody, StringComparison.Ordinal);
        Assert.Contains("#005eb8", emails[2].HtmlBody, StringComparison.Ordinal);
        Assert.Contains("https://careready.test.example/learning", emails[2].HtmlBody, StringComparison.Ordinal);

        // On the day it expires it is overdue instead.
        await Jobs.RunAsync(app, FireExpiry);
        Assert.Contains(await Jobs.NoticesAsync(app), n => n.Kind == NoticeKind.Overdue && n.DedupKey == $"overdue:{nurse}:{fireCompetency}:2027-03-02");
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Overdue_escalates_to_the_closest_line_manager_only_and_a_rerun_queues_nothing(DatabaseProvider provider)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = await TestApp.StartAsync(provider, settings: smtp.Settings());
        var matron = await AddManagerAsync(app, "matron@a.example", app.Data.Medicine.Id);
        var wardManager = await Jobs.UserIdAsync(app, TestData.ManagerEmail);
        int managerStaff;
        await using (var db = app.NewDbContext())
        {
            managerStaff = await db.Users.Where(u => u.Id == wardManager).Select(u => u.StaffMemberId!.Value).SingleAsync();
        }

        var first = await Jobs.RunAsync(app, Jobs.Today);
        var notices = await Jobs.NoticesAsync(app);

        // Everyone overdue is told.
        Assert.Contains(notices, n => n.Kind == NoticeKind.Overdue && n.StaffMemberId == app.Data.NurseA.Id);
        Assert.Contains(notices, n => n.Kind == NoticeKind.Overdue && n.StaffMemberId == app.Data.NurseB.Id);
        Assert.Contains(notices, n => n.Kind == NoticeKind.Overdue && n.StaffMemberId == app.Data.Clerk.Id);

        // Escalations: Ward A's nurse to the ward manager; Ward B's nurse (no ward manager) and the ward
        // manager himself to the matron; the finance clerk to nobody (no manager covers Finance).
        var escalations = notices.Where(n => n.Kind == NoticeKind.Escalation).ToList();
        var toWardManager = escalations.Where(n => n.UserId == wardManager).Select(n => n.DedupKey.Split(':')[2]).Distinct().ToList();
        var toMatron = escalations.Where(n => n.UserId == matron).Select(n => n.DedupKey.Split(':')[2]).Distinct().Order().ToList();
        Assert.Equal([app.Data.NurseA.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], toWardManager);
        Assert.Equal(new[] { app.Data.NurseB.Id, managerStaff }.Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(), toMatron);
        Assert.All(escalations, n => Assert.NotNull(n.UserId));
        Assert.DoesNotContain(escalations, n => n.DedupKey.Split(':')[2] == app.Data.Clerk.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(notices, n => n.OrganisationId == app.Data.OrgA && n.StaffMemberId == app.Data.OtherOrgNurse.Id);
        var escalationEmail = (await Jobs.OutboxAsync(app)).Single(m => m.Kind == NoticeKind.Escalation && m.UserId == wardManager);
        Assert.Equal(TestData.ManagerEmail, escalationEmail.ToAddress);
        Assert.StartsWith("Amara Okafor is overdue for", escalationEmail.Subject, StringComparison.Ordinal);

        // Running again the same day, or the next day, queues nothing new.
        var counts = (notices.Count, (await Jobs.OutboxAsync(app)).Count);
        var again = await Jobs.RunAsync(app, Jobs.Today);
        Assert.Equal((0, 0), (again.Notices, again.Emails));
        Assert.True(again.Skipped >= first.Notices);
        var nextDay = await Jobs.RunAsync(app, Jobs.Today.AddDays(1));
        Assert.Equal((0, 0), (nextDay.Notices, nextDay.Emails));
        Assert.Equal(counts, ((await Jobs.NoticesAsync(app)).Count, (await Jobs.OutboxAsync(app)).Count));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task The_manager_digest_goes_out_once_a_week(DatabaseProvider provider)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = await TestApp.StartAsync(provider, settings: smtp.Settings());
        var wardManager = await Jobs.UserIdAsync(app, TestData.ManagerEmail);
        var monday = Jobs.Today;
        Assert.Equal(DayOfWeek.Monday, monday.DayOfWeek);

        await Jobs.RunAsync(app, monday);
        await Jobs.RunAsync(app, monday.AddDays(1));
        await Jobs.RunAsync(app, monday.AddDays(6));
        var digests = (await Jobs.NoticesAsync(app)).Where(n => n.Kind == NoticeKind.Digest).ToList();
        var digest = Assert.Single(digests);
        Assert.Equal(wardManager, digest.UserId);
        Assert.Equal($"digest:{wardManager}:2026-W10", digest.DedupKey);
        // Ward A: Nurse A (the manager is not his own team), overdue for adult BLS.
        Assert.Equal("Your team this week: 1 person overdue, 0 due in 30 days", digest.Title);
        Assert.Contains("Overdue: 1 person (1 requirement).", digest.Body, StringComparison.Ordinal);

        await Jobs.RunAsync(app, monday.AddDays(7));
        digests = [.. (await Jobs.NoticesAsync(app)).Where(n => n.Kind == NoticeKind.Digest)];
        Assert.Equal([$"digest:{wardManager}:2026-W10", $"digest:{wardManager}:2026-W11"], digests.Select(d => d.DedupKey));
        Assert.Equal(2, (await Jobs.OutboxAsync(app)).Count(m => m.Kind == NoticeKind.Digest && m.ToAddress == TestData.ManagerEmail));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Preferences_turn_emails_off_but_keep_the_notices(DatabaseProvider provider)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = await TestApp.StartAsync(provider, settings: smtp.Settings());
        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);

        Assert.Equal(new NotificationPreferencesView(true, true, true, true),
            await learner.GetFromJsonAsync<NotificationPreferencesView>("/api/v1/notifications/preferences", Json.Options));
        var saved = await learner.PutAsJsonAsync("/api/v1/notifications/preferences", new NotificationPreferencesView(false, true, true, true));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        // The page saves too: the manager turns escalation emails off (the unticked box is simply not sent).
        var page = await manager.PostFormAsync("/notifications/preferences", new Dictionary<string, string>
        {
            ["EmailReminders"] = "true", ["EmailChanges"] = "true", ["EmailDigest"] = "true",
        });
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("checked", await manager.GetStringAsync("/notifications/preferences"), StringComparison.Ordinal);
        Assert.Equal(new NotificationPreferencesView(true, false, true, true),
            await manager.GetFromJsonAsync<NotificationPreferencesView>("/api/v1/notifications/preferences", Json.Options));

        await Jobs.RunAsync(app, Jobs.Today);
        var wardManager = await Jobs.UserIdAsync(app, TestData.ManagerEmail);
        var notices = await Jobs.NoticesAsync(app);
        var outbox = await Jobs.OutboxAsync(app);

        Assert.Contains(notices, n => n.Kind == NoticeKind.Overdue && n.StaffMemberId == app.Data.NurseA.Id);
        Assert.DoesNotContain(outbox, m => m.StaffMemberId == app.Data.NurseA.Id);
        Assert.Contains(outbox, m => m.Kind == NoticeKind.Overdue && m.StaffMemberId == app.Data.NurseB.Id);

        Assert.Contains(notices, n => n.Kind == NoticeKind.Escalation && n.UserId == wardManager);
        Assert.DoesNotContain(outbox, m => m.Kind == NoticeKind.Escalation && m.UserId == wardManager);
        Assert.Contains(outbox, m => m.Kind == NoticeKind.Digest && m.UserId == wardManager);
    }

    private static async Task<string> AddManagerAsync(TestApp app, string email, int departmentId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var user = new AppUser { UserName = email, Email = email, EmailConfirmed = true, OrganisationId = app.Data.OrgA, DisplayName = "matron" };
        Assert.True((await users.CreateAsync(user, TestData.Password)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, [Roles.Learner, Roles.Manager])).Succeeded);
        db.ManagerScopes.Add(new ManagerScope { OrganisationId = app.Data.OrgA, UserId = user.Id, DepartmentId = departmentId });
        await db.SaveChangesAsync();
        return user.Id;
    }
}

internal static class Json
{
    public static readonly System.Text.Json.JsonSerializerOptions Options = new(System.Text.Json.JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };
}

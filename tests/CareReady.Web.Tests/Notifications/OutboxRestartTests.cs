using CareReady.Core.Data;
using CareReady.Core.Notifications;
using CareReady.Core.Workforce;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Notifications;

/// <summary>Issue 8: restarting the server in the middle of sending reminders sends no duplicate and skips no one.</summary>
public sealed class OutboxRestartTests
{
    private const int People = 24;

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Restarting_mid_batch_sends_no_duplicate_and_skips_no_one(DatabaseProvider provider)
    {
        await using var smtp = TestSmtpServer.Start();
        smtp.Delay = TimeSpan.FromMilliseconds(150); // slow enough to stop the host part-way through a batch
        var settings = smtp.Settings();
        settings["Notifications:BatchSize"] = "10";

        var first = await TestApp.StartAsync(provider, settings: settings, keepDatabase: true);
        var database = first.Database;
        var expected = await QueueRemindersAsync(first);

        await smtp.WaitForAsync(5);
        await first.DisposeAsync(); // a graceful stop while the sender is in the middle of its batches
        var beforeRestart = smtp.Received.Count;
        Assert.InRange(beforeRestart, 5, People - 1);
        await using (var db = DatabaseSetup.CreateContext(database))
        {
            // Whatever reached the server is recorded as sent; nothing is left claimed by the stopped host.
            Assert.Equal(beforeRestart, await db.OutboxMessages.CountAsync(m => m.SentAt != null));
            Assert.Equal(0, await db.OutboxMessages.CountAsync(m => m.ClaimedBy != null));
        }

        await using (TestApp.Restart(database, settings))
        {
            await smtp.WaitForAsync(People);
            await Task.Delay(500); // room for a duplicate to show up, if there were one
        }

        var received = smtp.Received;
        Assert.Equal(People, received.Count);
        Assert.Equal(expected.Order(StringComparer.Ordinal), received.Select(r => r.To).Order(StringComparer.Ordinal));
        Assert.Equal(People, received.Select(r => r.MessageId).Distinct(StringComparer.Ordinal).Count());
        Assert.All(received.GroupBy(r => (r.MessageId, r.To)), g => Assert.Single(g));
        await using (var db = DatabaseSetup.CreateContext(database))
        {
            var rows = await db.OutboxMessages.AsNoTracking().ToListAsync();
            Assert.All(rows, m => Assert.NotNull(m.SentAt));
            Assert.All(rows, m => Assert.Equal(1, m.Attempts));
            Assert.Equal(rows.Select(m => m.MessageId("test.example")).Order(StringComparer.Ordinal), received.Select(r => r.MessageId).Order(StringComparer.Ordinal));
        }

        await TestDatabases.DropAsync(database);
    }

    /// <summary>Adds <see cref="People"/> people and queues one reminder each through the app's NotificationWriter, in one save.</summary>
    private static async Task<List<string>> QueueRemindersAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var staff = Enumerable.Range(1, People).Select(i => new StaffMember
        {
            OrganisationId = app.Data.OrgA, EmployeeNumber = (20000000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture),
            FirstName = "Person", LastName = "Number" + i, WorkEmail = $"person{i}@test.example", StartDate = new DateOnly(2020, 1, 6),
        }).ToList();
        db.Staff.AddRange(staff);
        await db.SaveChangesAsync();

        var writer = scope.ServiceProvider.GetRequiredService<NotificationWriter>();
        var result = await writer.EnqueueAsync([.. staff.Select(s => new NotificationRequest(app.Data.OrgA, NotificationRecipient.Staff(s.Id), NoticeKind.Reminder,
            "Fire safety is due by 1 May 2026", ["Your Fire safety expires on 1 May 2026 (60 days from today)."], "/learning",
            $"reminder:{s.Id}:1:2026-05-01:60"))]);
        Assert.Equal(People, result.Emails);
        await db.SaveChangesAsync();
        return [.. staff.Select(s => s.WorkEmail)];
    }
}

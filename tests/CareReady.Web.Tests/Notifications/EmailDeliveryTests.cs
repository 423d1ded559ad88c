using CareReady.Core.Data;
using CareReady.Core.Notifications;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Notifications;

/// <summary>The daily job's emails reach a real SMTP server; a refused message is retried after a pause.</summary>
public sealed class EmailDeliveryTests
{
    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Overdue_notices_and_escalations_arrive_by_email_in_the_nhs_layout(DatabaseProvider provider)
    {
        await using var smtp = TestSmtpServer.Start();
        await using var app = await TestApp.StartAsync(provider, settings: smtp.Settings());
        await Jobs.RunAsync(app, Jobs.Today);
        var queued = await Jobs.OutboxAsync(app);
        await smtp.WaitForAsync(queued.Count);

        var received = smtp.Received;
        Assert.Equal(queued.Count, received.Count);
        Assert.Equal(
            queued.Select(m => (m.ToAddress, m.Subject)).Order(),
            received.Select(r => (r.To, r.Subject)).Order());

        var toNurse = received.Where(r => r.To == "amara.okafor@test.example").ToList();
        var overdue = Assert.Single(toNurse);
        Assert.EndsWith("is overdue", overdue.Subject, StringComparison.Ordinal);
        Assert.Equal("careready@test.example", overdue.From);
        Assert.Equal("auto-generated", overdue.AutoSubmitted);
        Assert.Matches(@"^careready-\d+-\d+@test\.example$", overdue.MessageId);
        Assert.Contains("<html lang=\"en-GB\">", overdue.Html, StringComparison.Ordinal);
        Assert.Contains("background-color:#005eb8", overdue.Html, StringComparison.Ordinal);
        Assert.Contains("Frutiger", overdue.Html, StringComparison.Ordinal);
        Assert.Contains("Alpha Test Hospitals NHS Trust", overdue.Html, StringComparison.Ordinal);
        Assert.Contains("Go to My learning: https://careready.test.example/learning", overdue.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("10000001", overdue.Html, StringComparison.Ordinal); // no employee number

        var toManager = received.Where(r => r.To == TestData.ManagerEmail).Select(r => r.Subject).ToList();
        Assert.Contains(toManager, s => s.StartsWith("Amara Okafor is overdue for", StringComparison.Ordinal));
        Assert.Contains(toManager, s => s.StartsWith("Your team this week", StringComparison.Ordinal));
        Assert.DoesNotContain(received, r => r.To == "erin.walsh@test.example" && r.Subject.Contains("Amara", StringComparison.Ordinal));

        // The sender marks a message sent after the SMTP server has taken it: allow it a moment to record the last one.
        await using var db = app.NewDbContext();
        var unsent = await db.OutboxMessages.CountAsync(m => m.SentAt == null);
        for (var i = 0; i < 100 && unsent > 0; i++)
        {
            await Task.Delay(100);
            unsent = await db.OutboxMessages.CountAsync(m => m.SentAt == null);
        }

        Assert.Equal(0, unsent);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task A_refused_message_is_retried_after_a_pause_and_sent_once(DatabaseProvider provider)
    {
        await using var smtp = TestSmtpServer.Start();
        smtp.RefuseNext = 1;
        await using var app = await TestApp.StartAsync(provider, settings: smtp.Settings());
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var writer = (NotificationWriter)scope.ServiceProvider.GetService(typeof(NotificationWriter))!;
            var db = (AppDbContext)scope.ServiceProvider.GetService(typeof(AppDbContext))!;
            await writer.EnqueueAsync(new NotificationRequest(app.Data.OrgA, NotificationRecipient.Staff(app.Data.NurseB.Id), NoticeKind.Change,
                "Resuscitation guidelines have changed", ["Please complete the updated module by 1 June 2026."], "/learning", "change:1:" + app.Data.NurseB.Id));
            await db.SaveChangesAsync();
        }

        // The first attempt is refused: recorded, and not tried again before the first back-off has passed.
        OutboxMessage row;
        var until = DateTime.UtcNow.AddSeconds(20);
        do
        {
            await Task.Delay(50);
            row = (await Jobs.OutboxAsync(app)).Single();
        }
        while (row.Attempts == 0 && DateTime.UtcNow < until);
        Assert.Equal(1, row.Attempts);
        Assert.Null(row.SentAt);
        Assert.StartsWith("SMTP 4", row.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain("@", row.LastError, StringComparison.Ordinal);
        Assert.Equal(app.Clock.GetUtcNow().UtcDateTime + DeliverOutbox.Backoff[0], row.NextAttemptAt, TimeSpan.FromSeconds(1));
        await Task.Delay(300);
        Assert.Empty(smtp.Received);

        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await smtp.WaitForAsync(1);
        await Task.Delay(300);
        var email = Assert.Single(smtp.Received);
        Assert.Equal("ben.hughes@test.example", email.To);
        Assert.Equal("Resuscitation guidelines have changed", email.Subject);
        row = (await Jobs.OutboxAsync(app)).Single();
        Assert.NotNull(row.SentAt);
        Assert.Equal(2, row.Attempts);
        Assert.Null(row.LastError);
    }
}

using System.CommandLine;
using System.Globalization;
using CareReady.Core.Data;
using CareReady.Core.Notifications;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Cli;

/// <summary>
/// <c>careready notify run [--date D]</c>: the daily notification job on demand (reminders, overdue
/// notices, escalations, the weekly digest); <c>careready notify send</c>: drains the email outbox once.
/// </summary>
public static class NotifyCommand
{
    public static Command Create()
    {
        var date = new Option<string?>("--date") { Description = "The day the job stands on, YYYY-MM-DD (default: today, UTC)" };
        var run = new Command("run", "Queue today's reminders, overdue notices, escalations and (on or after the digest day) the weekly digest; already queued ones are skipped") { date };
        run.SetAction(async (parse, ct) =>
        {
            await using var services = CliHost.Build();
            var day = DateOnly.FromDateTime(services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
            if (parse.GetValue(date) is { } text && !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
            {
                await Console.Error.WriteLineAsync($"--date: '{text}' is not a date (YYYY-MM-DD).");
                return 2;
            }

            await using var scope = services.CreateAsyncScope();
            await DatabaseMigrator.MigrateAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), ct);
            await scope.ServiceProvider.GetRequiredService<Core.Regulation.SendChangeNotices>().RunAsync(null, ct);
            var result = await scope.ServiceProvider.GetRequiredService<RunNotificationJob>().RunAsync(day, ct);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{day:yyyy-MM-dd}: {result.Organisations} organisation(s), {result.Notices} notice(s) and {result.Emails} email(s) queued, {result.Skipped} already queued."));
            return 0;
        });

        var send = new Command("send", "Send every due email in the outbox now (needs Email:Host)");
        send.SetAction(async (_, ct) =>
        {
            await using var services = CliHost.Build();
            if (!services.GetRequiredService<EmailOptions>().Enabled)
            {
                await Console.Error.WriteLineAsync("Email is not configured: set Email__Host (and Email__Port, Email__From, …).");
                return 2;
            }

            var (sent, failed) = (0, 0);
            while (!ct.IsCancellationRequested)
            {
                await using var scope = services.CreateAsyncScope();
                var batch = await scope.ServiceProvider.GetRequiredService<DeliverOutbox>().RunBatchAsync(ct);
                (sent, failed) = (sent + batch.Sent, failed + batch.Failed);
                if (batch.Claimed == 0 || batch.Sent == 0)
                {
                    break;
                }
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{sent} sent, {failed} failed (to be retried)."));
            return failed > 0 ? 1 : 0;
        });

        var command = new Command("notify", "Notifications: the daily job and the email outbox");
        command.Subcommands.Add(run);
        command.Subcommands.Add(send);
        return command;
    }
}

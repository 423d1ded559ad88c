using CareReady.Core.Notifications;

namespace CareReady.Web.Notifications;

/// <summary>
/// Runs the daily notification job once a day at <see cref="NotificationOptions.JobTime"/> (UTC, from
/// the injected clock), and once at start-up when that time has passed today. Running it again is
/// harmless: every notification has a dedup key.
/// </summary>
public sealed class NotificationJobService(IServiceScopeFactory scopes, TimeProvider time, NotificationOptions options, ILogger<NotificationJobService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.JobEnabled)
        {
            return;
        }

        await Task.Yield();
        DateOnly? lastRun = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var today = DateOnly.FromDateTime(now.UtcDateTime);
            if (lastRun != today && TimeOnly.FromDateTime(now.UtcDateTime) >= options.JobTime)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    // Change notices a crash interrupted after an apply are queued first.
                    await scope.ServiceProvider.GetRequiredService<Core.Regulation.SendChangeNotices>().RunAsync(null, stoppingToken);
                    var result = await scope.ServiceProvider.GetRequiredService<RunNotificationJob>().RunAsync(today, stoppingToken);
                    lastRun = today;
                    logger.LogInformation("Notification job for {Day}: {Notices} notices, {Emails} emails queued, {Skipped} already sent.", today, result.Notices, result.Emails, result.Skipped);
                }
                catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
                {
                    break;
                }
#pragma warning disable CA1031 // A failed run is tried again at the next poll.
                catch (Exception e)
#pragma warning restore CA1031
                {
                    logger.LogError(e, "The notification job failed; trying again shortly.");
                }
            }

            try
            {
                await Task.Delay(options.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

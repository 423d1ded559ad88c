using CareReady.Core.Notifications;

namespace CareReady.Web.Notifications;

/// <summary>
/// Drains the email outbox in batches while the app runs. On shutdown the batch finishes the message
/// in hand and hands back the rest (docs/decisions/0009-email-outbox.md). Does nothing when email is
/// not configured.
/// </summary>
public sealed class OutboxSenderService(IServiceScopeFactory scopes, EmailOptions email, NotificationOptions options, ILogger<OutboxSenderService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!email.Enabled)
        {
            logger.LogInformation("Email is not configured (Email:Host): notices are kept in CareReady and no email is sent.");
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            var full = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var result = await scope.ServiceProvider.GetRequiredService<DeliverOutbox>().RunBatchAsync(stoppingToken);
                full = result.Claimed >= options.BatchSize;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The sender must outlive a database hiccup; the next round tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "The outbox sender failed; trying again shortly.");
            }

            if (!full)
            {
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
}

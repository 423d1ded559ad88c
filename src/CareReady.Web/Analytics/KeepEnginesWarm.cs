using CareReady.Core.Analytics;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Analytics;

/// <summary>
/// With <c>Analytics:KeepEnginesWarm</c> set (for a deployment of many organisations, where the first national
/// heatmap after a start would otherwise load every organisation's compliance engine while someone waits), loads
/// every organisation's engine at start-up, then every <see cref="ComplianceHistory.MaxAge"/> asks for each, which
/// starts a background reload of those that have aged — so no dashboard visitor waits for a load. Off by default.
/// </summary>
public sealed class KeepEnginesWarm(IServiceScopeFactory scopes, ComplianceHistory history, TimeProvider time, IConfiguration configuration, ILogger<KeepEnginesWarm> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Analytics:KeepEnginesWarm", false))
        {
            return;
        }

        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                List<int> organisations;
                await using (var scope = scopes.CreateAsyncScope())
                {
                    organisations = await scope.ServiceProvider.GetRequiredService<AppDbContext>().Organisations
                        .Select(o => o.Id).ToListAsync(stoppingToken);
                }

                var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
                await Parallel.ForEachAsync(organisations, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = stoppingToken }, async (organisation, ct) =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await history.AsOfAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>(), organisation, today, ct);
                });
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // Warming must outlive a database hiccup; the next round tries again (visitors then load on demand).
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Loading compliance engines for the dashboards failed; trying again in a few minutes.");
            }

            try
            {
                await Task.Delay(ComplianceHistory.MaxAge, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

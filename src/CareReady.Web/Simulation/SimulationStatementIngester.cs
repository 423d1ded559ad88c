using CareReady.Core.Simulation;

namespace CareReady.Web.Simulation;

/// <summary>
/// The background round of the simulation-statement outbox: every <c>Simulation:IngestIntervalSeconds</c> (30 by
/// default) it stores any statements the request that wrote them could not store in the LRS (see
/// <see cref="IngestSimulationStatements"/>). Set <c>Simulation:IngestEnabled</c> to false to turn it off.
/// </summary>
public sealed class SimulationStatementIngester(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<SimulationStatementIngester> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Simulation:IngestEnabled", true))
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(Math.Max(1, configuration.GetValue("Simulation:IngestIntervalSeconds", 30)));
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<IngestSimulationStatements>().RunAllAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The round must outlive a database hiccup; the next round tries again.
            catch (Exception e)
#pragma warning restore CA1031
            {
                logger.LogError(e, "Storing simulation statements in the LRS failed; trying again shortly.");
            }

            try
            {
                await Task.Delay(interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }
}

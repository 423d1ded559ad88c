namespace CareReady.Core.Analytics;

/// <summary>
/// SEAM for the simulation work being built separately: a unit's appropriate-reliance score from clinical
/// simulations with AI decision support (e.g. the mean of RAIR and RSR, 0–1). The AI-readiness dashboard
/// shows it beside the capability index once an implementation is registered; until then it shows
/// "not yet measured". Replace <see cref="NoSimulationReliance"/> in the web's service setup.
/// </summary>
public interface ISimulationRelianceSource
{
    /// <summary>Per department id: the reliance score, or no entry when the unit has no simulation results.</summary>
    Task<IReadOnlyDictionary<int, double>> ReliancePerDepartmentAsync(int organisationId, IReadOnlyCollection<int> departmentIds, CancellationToken cancellationToken);
}

/// <summary>The placeholder until simulation results exist: no unit has a reliance score.</summary>
public sealed class NoSimulationReliance : ISimulationRelianceSource
{
    public Task<IReadOnlyDictionary<int, double>> ReliancePerDepartmentAsync(int organisationId, IReadOnlyCollection<int> departmentIds, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyDictionary<int, double>>(new Dictionary<int, double>());
}

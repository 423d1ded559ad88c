using CareReady.Core.Data;
using CareReady.Core.Simulation;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Analytics;

/// <summary>
/// A unit's appropriate reliance on AI from its people's completed clinical simulations: the reliance
/// measures (<see cref="RelianceMeasures"/>) over every AI decision they made, reduced to one score, the
/// mean of RAIR and RSR (0–1; one of them alone when only it could be measured; none when neither — the
/// dashboard then says "not yet measured").
/// </summary>
public sealed class SimulationReliance(AppDbContext db)
{
    /// <param name="organisationId">The organisation.</param>
    /// <param name="peoplePerUnit">Per unit id: the staff counted in it (as the rest of the dashboard counts them).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>Per unit id: its people's simulation performance (every unit, played or not).</returns>
    public async Task<IReadOnlyDictionary<int, UnitSimulation>> PerUnitAsync(int organisationId, IReadOnlyDictionary<int, HashSet<int>> peoplePerUnit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peoplePerUnit);
        var runs = await db.ScenarioRuns.AsNoTracking().Include(r => r.Responses)
            .Where(r => r.OrganisationId == organisationId && r.CompletedAt != null)
            .ToListAsync(cancellationToken);
        var byPerson = runs.GroupBy(r => r.StaffMemberId)
            .ToDictionary(g => g.Key, g => (Runs: g.Count(), Decisions: GetDebrief.AiDecisions(g.SelectMany(r => r.Responses))));
        return peoplePerUnit.ToDictionary(u => u.Key, u =>
        {
            var players = u.Value.Where(byPerson.ContainsKey).ToList();
            var summary = RelianceMeasures.Compute([.. players.SelectMany(p => byPerson[p].Decisions)]);
            double?[] measured = [summary.Rair, summary.Rsr];
            var known = measured.Where(m => m is not null).Select(m => m!.Value).ToList();
            return new UnitSimulation(players.Count, players.Sum(p => byPerson[p].Runs), summary, known.Count > 0 ? Math.Round(known.Average(), 3) : null);
        });
    }
}

/// <summary>A unit's simulation performance: who played, completed runs, the reliance measures over every AI decision, and the one-number score.</summary>
/// <param name="Score">Mean of RAIR and RSR (one of them alone when only it could be measured); null when neither.</param>
public sealed record UnitSimulation(int Players, int Runs, RelianceSummary Reliance, double? Score);

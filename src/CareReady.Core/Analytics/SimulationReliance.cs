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
    /// <returns>Per unit id: the score, or no entry when nothing could be measured.</returns>
    public async Task<IReadOnlyDictionary<int, double>> PerUnitAsync(int organisationId, IReadOnlyDictionary<int, HashSet<int>> peoplePerUnit, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(peoplePerUnit);
        var runs = await db.ScenarioRuns.AsNoTracking().Include(r => r.Responses)
            .Where(r => r.OrganisationId == organisationId && r.CompletedAt != null)
            .ToListAsync(cancellationToken);
        var decisions = runs.GroupBy(r => r.StaffMemberId)
            .ToDictionary(g => g.Key, g => GetDebrief.AiDecisions(g.SelectMany(r => r.Responses)));
        var scores = new Dictionary<int, double>();
        foreach (var (unit, people) in peoplePerUnit)
        {
            var summary = RelianceMeasures.Compute([.. people.Where(decisions.ContainsKey).SelectMany(p => decisions[p])]);
            double?[] measured = [summary.Rair, summary.Rsr];
            var known = measured.Where(m => m is not null).Select(m => m!.Value).ToList();
            if (known.Count > 0)
            {
                scores[unit] = Math.Round(known.Average(), 3);
            }
        }

        return scores;
    }
}

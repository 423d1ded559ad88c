using CareReady.Core.Data;
using CareReady.Core.Workforce;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Cli;

/// <summary>Picks the organisation a command acts on: the one named by --org, or the only one there is.</summary>
public static class CliOrganisation
{
    /// <returns>The organisation, or null after printing why none could be chosen.</returns>
    public static async Task<Organisation?> ResolveAsync(AppDbContext db, string? code, CancellationToken ct)
    {
        var organisations = await db.Organisations.AsNoTracking().ToListAsync(ct);
        var target = code is null
            ? (organisations.Count == 1 ? organisations[0] : null)
            : organisations.FirstOrDefault(o => string.Equals(o.Code, code, StringComparison.OrdinalIgnoreCase));
        if (target is null)
        {
            await Console.Error.WriteLineAsync(code is null
                ? $"The database holds {organisations.Count} organisations; choose one with --org ({string.Join(", ", organisations.Select(o => o.Code))})."
                : $"No organisation with code '{code}'. Known: {string.Join(", ", organisations.Select(o => o.Code))}.");
        }

        return target;
    }
}

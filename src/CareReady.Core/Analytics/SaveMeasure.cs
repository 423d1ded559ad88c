using System.Text.RegularExpressions;
using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Core.Analytics;

/// <summary>A measure definition as a person or an API caller sends it.</summary>
public sealed record MeasureInput(string? Code, string? Name, string? Definition, string? Unit, bool HigherIsBetter, string? Period);

/// <summary>The measure saved, or what is wrong with the input (field → what was expected); nothing saved then.</summary>
public sealed record SaveMeasureResult(PerformanceMeasure? Measure, bool Created, IReadOnlyDictionary<string, string> Errors);

/// <summary>Defines a measure, or updates the one with the same code (its period cannot change once it has values).</summary>
public sealed partial class SaveMeasure(AppDbContext db)
{
    [GeneratedRegex(@"\A[A-Za-z0-9_-]{1,32}\z", RegexOptions.CultureInvariant)]
    private static partial Regex CodePattern();

    public async Task<SaveMeasureResult> RunAsync(int organisationId, MeasureInput input, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var code = input.Code?.Trim() ?? "";
        var name = input.Name?.Trim() ?? "";
        if (!CodePattern().IsMatch(code))
        {
            errors["code"] = "a code of 1 to 32 letters, digits, '-' or '_' (e.g. HAI)";
        }

        if (name.Length is 0 or > 200)
        {
            errors["name"] = "a name of 1 to 200 characters";
        }

        if ((input.Definition?.Length ?? 0) > 2000)
        {
            errors["definition"] = "a definition of up to 2,000 characters";
        }

        if ((input.Unit?.Trim().Length ?? 0) > 64)
        {
            errors["unit"] = "a unit of up to 64 characters (e.g. per 1,000 bed days)";
        }

        MeasurePeriod? period = input.Period?.Trim().ToUpperInvariant() switch
        {
            "MONTH" or "MONTHLY" => MeasurePeriod.Month,
            "QUARTER" or "QUARTERLY" => MeasurePeriod.Quarter,
            _ => null,
        };
        if (period is null)
        {
            errors["period"] = "Month or Quarter";
        }

        if (errors.Count > 0)
        {
            return new SaveMeasureResult(null, false, errors);
        }

        var existing = (await db.PerformanceMeasures.Where(m => m.OrganisationId == organisationId).ToListAsync(cancellationToken))
            .FirstOrDefault(m => string.Equals(m.Code, code, StringComparison.OrdinalIgnoreCase));
        if (existing is not null && existing.Period != period
            && await db.MeasureValues.AnyAsync(v => v.MeasureId == existing.Id, cancellationToken))
        {
            return new SaveMeasureResult(null, false, new Dictionary<string, string>
            {
                ["period"] = $"{existing.Period}, as before: {existing.Code} already has values by {existing.Period.ToString().ToLowerInvariant()}",
            });
        }

        var measure = existing ?? new PerformanceMeasure { OrganisationId = organisationId, Code = code, Name = name };
        measure.Name = name;
        measure.Definition = input.Definition?.Trim() ?? "";
        measure.Unit = input.Unit?.Trim() ?? "";
        measure.HigherIsBetter = input.HigherIsBetter;
        measure.Period = period!.Value;
        if (existing is null)
        {
            db.PerformanceMeasures.Add(measure);
        }

        await db.SaveChangesAsync(cancellationToken);
        return new SaveMeasureResult(measure, existing is null, errors);
    }
}

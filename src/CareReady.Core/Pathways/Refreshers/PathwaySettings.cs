using System.Globalization;
using CareReady.Core.Pathways.Fsrs;

namespace CareReady.Core.Pathways.Refreshers;

/// <summary>
/// An organisation's refresher settings: the target retention (default 0.9), its safety-critical
/// subjects (default: the list in code) and, once fitted from its own review log, its FSRS weights.
/// No row means the defaults. Audited (ADR 0006).
/// </summary>
public sealed class PathwaySettings
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public double TargetRetention { get; set; } = FsrsParameters.DefaultRetention;

    /// <summary>The 21 fitted FSRS weights, space-separated (invariant culture); null = the defaults.</summary>
    public string? FittedWeights { get; set; }

    /// <summary>
    /// The organisation's safety-critical subject codes, space-separated, sorted; null = the default list
    /// (<see cref="Pathways.SafetyCriticalSubjects.Default"/>). Read with <see cref="Pathways.SafetyCriticalSubjects.Parse"/>.
    /// </summary>
    public string? SafetyCriticalSubjects { get; set; }

    public DateTime? FittedAt { get; set; }
    public int FittedOnReviews { get; set; }
    public double? LogLossBefore { get; set; }
    public double? LogLossAfter { get; set; }

    public FsrsParameters ToParameters() => new()
    {
        Weights = FittedWeights is { } text
            ? [.. text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => double.Parse(w, CultureInfo.InvariantCulture))]
            : FsrsParameters.DefaultWeights,
        RequestRetention = TargetRetention,
    };

    public static string FormatWeights(IEnumerable<double> weights) =>
        string.Join(' ', weights.Select(w => w.ToString("R", CultureInfo.InvariantCulture)));
}

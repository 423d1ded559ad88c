using System.Globalization;
using CareReady.Core.Learning;
using CareReady.Core.Simulation;
using CareReady.Core.Simulation.Authoring;

namespace CareReady.Web.Simulation;

/// <summary>Small formatting helpers for the simulation pages.</summary>
public static class SimulationText
{
    public static string Acvpu(Consciousness level) => level switch
    {
        Consciousness.Alert => "A",
        Consciousness.NewConfusion => "C (new confusion)",
        Consciousness.Voice => "V",
        Consciousness.Pain => "P",
        _ => "U",
    };

    public static string Percent(double? share) => share is { } s ? s.ToString("0%", CultureInfo.InvariantCulture) : "–";

    public static string Decimal(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) : "–";

    public static string Date(DateTime time) => time.ToString("d MMMM yyyy HH:mm", CultureInfo.GetCultureInfo("en-GB"));

    /// <summary>Who did the last thing to a version, and when ("Submitted by … on …").</summary>
    public static string LastChange(ScenarioVersionSummary v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return v.Status switch
        {
            ModuleStatus.Retired when v.RetiredAt is { } at => "Retired on " + Date(at),
            ModuleStatus.Published when v.PublishedAt is { } at => $"Approved by {v.PublishedBy} on {Date(at)}",
            ModuleStatus.InReview when v.SubmittedAt is { } at => $"Submitted by {v.SubmittedBy} on {Date(at)}",
            _ when v.ReviewNote is not null => "Returned with a note",
            _ => $"Uploaded by {v.CreatedBy} on {Date(v.CreatedAt)}",
        };
    }
}

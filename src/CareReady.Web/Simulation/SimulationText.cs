using System.Globalization;
using CareReady.Core.Simulation;

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
}

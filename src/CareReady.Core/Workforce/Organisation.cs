namespace CareReady.Core.Workforce;

/// <summary>An NHS trust or other employing organisation. Every other row carries its id.</summary>
public sealed class Organisation
{
    public int Id { get; set; }

    /// <summary>ODS-style code, e.g. "RXX".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>How many days before expiry the renewal window opens (default 60).</summary>
    public int RenewalWindowDays { get; set; } = DefaultRenewalWindowDays;

    public const int DefaultRenewalWindowDays = 60;
}

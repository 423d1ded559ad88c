namespace CareReady.Core.Workforce;

/// <summary>An NHS trust or other employing organisation. Every other row carries its id.</summary>
public sealed class Organisation
{
    public int Id { get; set; }

    /// <summary>ODS-style code, e.g. "RXX".</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }
}

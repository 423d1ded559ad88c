namespace CareReady.Core.Regulation.Bench;

/// <summary>A clock standing on one instant: the benchmark runs on the day its data was generated for.</summary>
public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

namespace CareReady.Core.Pathways.Fsrs;

/// <summary>
/// What FSRS knows about one person's memory of one item: stability (days until recall probability
/// falls to 90%) and difficulty (1 easy … 10 hard).
/// </summary>
public readonly record struct FsrsMemoryState(double Stability, double Difficulty);

namespace CareReady.Core.Pathways.Fsrs;

/// <summary>The four FSRS grades. A refresher question answered wrongly is <see cref="Again"/>, right is <see cref="Good"/>.</summary>
public enum FsrsRating
{
    Again = 1,
    Hard = 2,
    Good = 3,
    Easy = 4,
}

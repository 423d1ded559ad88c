namespace CareReady.Core.Learning;

/// <summary>A version moves Draft → InReview → Published → Retired; a review can send it back to Draft.</summary>
public enum ModuleStatus
{
    Draft = 0,
    InReview = 1,
    Published = 2,
    Retired = 3,
}

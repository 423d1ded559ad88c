using CareReady.Core.Compliance;
using CareReady.Core.Learning;

namespace CareReady.Web.Learning;

/// <summary>Words shown to people for learning enums.</summary>
public static class LearningText
{
    public static string Source(CompletionSource source) => source switch
    {
        CompletionSource.Module => "CareReady module",
        CompletionSource.Xapi => "E-learning (xAPI)",
        CompletionSource.ExternalCertificate => "Approved certificate",
        CompletionSource.PriorLearning => "Prior learning",
        _ => "Earlier record",
    };

    public static string Status(ModuleStatus status) => status switch
    {
        ModuleStatus.Draft => "Draft",
        ModuleStatus.InReview => "In review",
        ModuleStatus.Published => "Published",
        _ => "Retired",
    };
}

using CareReady.Core.Learning;
using CareReady.Core.Simulation.Authoring;

namespace CareReady.Web.Simulation;

/// <summary>A scenario version as the authoring API shows it (status in kebab case: draft, in-review, published, retired).</summary>
public sealed record VersionDto(
    string Code, int Version, string Status, string Title, string DefinitionSha256, string CreatedBy, DateTime CreatedAt,
    string? SubmittedBy, DateTime? SubmittedAt, string? ReviewNote, string? PublishedBy, DateTime? PublishedAt, DateTime? RetiredAt)
{
    public static VersionDto From(ScenarioVersionSummary v)
    {
        ArgumentNullException.ThrowIfNull(v);
        return new VersionDto(v.Code, v.Number, StatusText(v.Status), v.Title, v.DefinitionHash, v.CreatedBy, v.CreatedAt,
            v.SubmittedBy, v.SubmittedAt, v.ReviewNote, v.PublishedBy, v.PublishedAt, v.RetiredAt);
    }

    public static string StatusText(ModuleStatus status) => status switch
    {
        ModuleStatus.InReview => "in-review",
        _ => status.ToString().ToLowerInvariant(),
    };
}

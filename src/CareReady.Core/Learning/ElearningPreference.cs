namespace CareReady.Core.Learning;

/// <summary>
/// How a learner wants e-learning to play: in which language when a package or course offers several, and with
/// sound on or off (a night shift on a ward). One row per staff record (absent: English, sound on). Handed to cmi5
/// courses as the <c>cmi5LearnerPreferences</c> agent profile and to SCORM packages as the learner preference
/// CMI elements when they start.
/// </summary>
public sealed class ElearningPreference
{
    public int Id { get; set; }
    public int OrganisationId { get; set; }
    public int StaffMemberId { get; set; }

    /// <summary>The preferred language's RFC 5646 tag, one of <see cref="ElearningLanguages.All"/>.</summary>
    public required string Language { get; set; }

    public bool AudioOn { get; set; } = true;
    public DateTime UpdatedAt { get; set; }
}

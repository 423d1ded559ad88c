namespace CareReady.Core.Learning.Authoring;

/// <summary>Why a review cannot go ahead: 409 (not in review), 403 (own submission) or 400 (the note, with its field).</summary>
public sealed record ReviewRefusal(ReviewRefusalKind Kind, string Message);

public enum ReviewRefusalKind
{
    NotInReview,
    OwnSubmission,
    InvalidNote,
}

/// <summary>
/// The four-eyes rules every reviewed version follows (module versions, scenario versions; ADR 0007): only a
/// version in review can be reviewed, never by the person who submitted it, and sending it back needs a note
/// of at most <see cref="MaxNote"/> characters saying what to change.
/// </summary>
public static class FourEyesReview
{
    public const int MaxNote = 2000;

    /// <param name="statusText">How the version's status reads in a sentence ("published").</param>
    /// <returns>Null when the review may go ahead (a sent-back version keeps the note, trimmed).</returns>
    public static ReviewRefusal? Check(ModuleStatus status, string statusText, int number, string? submittedBy, string actor, ReviewInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (status != ModuleStatus.InReview)
        {
            return new(ReviewRefusalKind.NotInReview, $"Version {number} is {statusText}; only a version in review can be approved or sent back");
        }

        if (string.Equals(submittedBy, actor, StringComparison.OrdinalIgnoreCase))
        {
            return new(ReviewRefusalKind.OwnSubmission, "You submitted this version, so someone else must review it");
        }

        if (input.Approve)
        {
            return null;
        }

        var note = input.Note?.Trim() ?? "";
        return note.Length == 0 ? new(ReviewRefusalKind.InvalidNote, "Say what needs to change before this version can be published")
            : note.Length > MaxNote ? new(ReviewRefusalKind.InvalidNote, $"The note must be {MaxNote:N0} characters or fewer")
            : null;
    }
}

namespace CareReady.Core.Learning.Authoring;

public enum AuthoringOutcome
{
    Done,

    /// <summary>The input has problems, listed field by field in <see cref="AuthoringResult.Errors"/>.</summary>
    Invalid,

    /// <summary>No such module or version in the caller's organisation (or no such lesson, outcome or question).</summary>
    NotFound,

    /// <summary>The caller may not do this (not an author, not an approver, or reviewing their own submission).</summary>
    Forbidden,

    /// <summary>The version is not in the state this needs (e.g. only a draft can be edited).</summary>
    Conflict,
}

/// <summary>What an authoring use case did: done (with the module and version it concerns) or why not, for people.</summary>
public sealed record AuthoringResult(AuthoringOutcome Outcome, IReadOnlyDictionary<string, string> Errors, int ModuleId = 0, int VersionNumber = 0)
{
    private static readonly Dictionary<string, string> None = new(StringComparer.Ordinal);

    public bool Succeeded => Outcome == AuthoringOutcome.Done;

    public static AuthoringResult Done(int moduleId, int versionNumber) => new(AuthoringOutcome.Done, None, moduleId, versionNumber);

    public static AuthoringResult Invalid(IReadOnlyDictionary<string, string> errors) => new(AuthoringOutcome.Invalid, errors);

    public static AuthoringResult Invalid(string field, string message) => new(AuthoringOutcome.Invalid, One(field, message));

    public static AuthoringResult NotFound { get; } = new(AuthoringOutcome.NotFound, None);

    public static AuthoringResult Forbidden(string message = "You do not have permission to do this") =>
        new(AuthoringOutcome.Forbidden, One("Version", message));

    public static AuthoringResult Conflict(string message) => new(AuthoringOutcome.Conflict, One("Version", message));

    private static Dictionary<string, string> One(string field, string message) => new(StringComparer.Ordinal) { [field] = message };
}

using CareReady.Core.Learning.Authoring;
using CareReady.Core.Simulation.Scenarios;

namespace CareReady.Core.Simulation.Authoring;

/// <summary>
/// What a scenario authoring step did: done (with the scenario code and version number) or why not —
/// the file's errors each with its JSON path, or one message for people (not found, not allowed, wrong state).
/// </summary>
public sealed record ScenarioAuthoringResult(AuthoringOutcome Outcome, IReadOnlyList<ScenarioError> Errors, string? Code = null, int Number = 0)
{
    public bool Succeeded => Outcome == AuthoringOutcome.Done;

    /// <summary>The message when there is one reason rather than a list of file errors.</summary>
    public string? Message => Errors.Count == 1 && Errors[0].Path.Length == 0 ? Errors[0].Message : null;

    public static ScenarioAuthoringResult Done(string code, int number) => new(AuthoringOutcome.Done, [], code, number);

    public static ScenarioAuthoringResult Invalid(IReadOnlyList<ScenarioError> errors) => new(AuthoringOutcome.Invalid, errors);

    public static ScenarioAuthoringResult Invalid(string path, string message) => new(AuthoringOutcome.Invalid, [new ScenarioError(path, message)]);

    public static ScenarioAuthoringResult NotFound { get; } = new(AuthoringOutcome.NotFound, []);

    public static ScenarioAuthoringResult Forbidden(string message = "You do not have permission to do this") =>
        new(AuthoringOutcome.Forbidden, [new ScenarioError("", message)]);

    public static ScenarioAuthoringResult Conflict(string message) => new(AuthoringOutcome.Conflict, [new ScenarioError("", message)]);
}

namespace CareReady.Core.Simulation.Scenarios;

/// <summary>One problem in a scenario file: where (a JSON path such as <c>$.nodes[2].options[0].next</c>) and what was expected.</summary>
public sealed record ScenarioError(string Path, string Message)
{
    public override string ToString() => Path + ": " + Message;
}

/// <summary>A parsed scenario, or every problem found in it.</summary>
public sealed record ScenarioParseResult(ScenarioDefinition? Scenario, IReadOnlyList<ScenarioError> Errors)
{
    public bool Succeeded => Scenario is not null && Errors.Count == 0;
}

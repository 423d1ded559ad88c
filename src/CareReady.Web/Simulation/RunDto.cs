using CareReady.Core.Simulation;
using CareReady.Core.Simulation.Scenarios;

namespace CareReady.Web.Simulation;

public sealed record OptionDto(string Id, string Text);

/// <summary>What a player is shown at a node — never the answers.</summary>
public sealed record RunDto(
    long RunId,
    string Code,
    int Version,
    string Title,
    bool Completed,
    string NodeId,
    string Kind,
    string? QuestionKind,
    string NodeTitle,
    string Text,
    IReadOnlyList<OptionDto> Options,
    IReadOnlyList<VitalsSet> Vitals,
    IReadOnlyList<LabResult> Labs,
    string? History,
    int SpO2Scale,
    bool AwaitingFinal,
    string? InitialAnswer,
    double? InitialConfidence,
    AiShown? Ai,
    string? Consequence,
    int? TimeLimitSeconds,
    int? SecondsLeft,
    string? DebriefUrl)
{
    public static RunDto From(RunView v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var n = v.Node;
        return new RunDto(v.RunId, v.Code, v.Version, v.Title, v.Completed, n.Id, Kebab(n.Kind), n.Kind == NodeKind.Question ? n.QuestionKind.ToString().ToLowerInvariant() : null,
            n.Title, n.Text, n.Options.Select(o => new OptionDto(o.Id, o.Text)).ToList(), n.Vitals, n.Labs, n.History, (int)n.Scale,
            v.AwaitingFinal, v.InitialAnswer, v.InitialConfidence, v.Ai, v.Consequence, n.TimeLimitSeconds, v.SecondsLeft,
            v.Completed ? $"/api/v1/simulations/runs/{v.RunId}/debrief" : null);
    }

    public static string Kebab(NodeKind kind) => kind switch
    {
        NodeKind.AiDecision => "ai-decision",
        _ => kind.ToString().ToLowerInvariant(),
    };
}

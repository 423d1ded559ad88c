namespace CareReady.Core.Simulation.Scenarios;

/// <summary>A scenario file, parsed and validated (see docs/simulation-scenarios.md for the JSON format).</summary>
public sealed record ScenarioDefinition(
    string Code,
    string Title,
    string Summary,
    int EstimatedMinutes,
    int PassMark,
    IReadOnlyList<string> Confers,
    IReadOnlyDictionary<string, double> State,
    string Start,
    IReadOnlyList<ScenarioNode> Nodes)
{
    /// <summary>The guideline versions the scenario rests on (regulatory changes find it by them).</summary>
    public IReadOnlyList<ScenarioGuideline> Guidelines { get; init; } = [];

    public ScenarioNode Node(string id) => Nodes.First(n => n.Id == id);

    /// <summary>Points available: one per scored question, decision and AI decision (or the node's own points).</summary>
    public int MaxPoints => Nodes.Sum(n => n.Kind is NodeKind.Question or NodeKind.Decision or NodeKind.AiDecision ? n.Points : 0);
}

public enum NodeKind
{
    Narrative,
    Observations,
    Question,
    Decision,
    AiDecision,
    End,
}

public enum QuestionKind
{
    Single,
    Multiple,
    Numeric,
}

/// <summary>A comparison on a state variable: <c>{"var":"escalated","op":"==","value":1}</c>.</summary>
public sealed record Condition(string Variable, string Operator, double Value)
{
    public bool Holds(IReadOnlyDictionary<string, double> state)
    {
        var v = state.GetValueOrDefault(Variable);
        return Operator switch
        {
            "==" => v.Equals(Value),
            "!=" => !v.Equals(Value),
            "<" => v < Value,
            "<=" => v <= Value,
            ">" => v > Value,
            ">=" => v >= Value,
            _ => false,
        };
    }
}

/// <summary>Where to go next: the first link whose condition holds (a link without one always holds).</summary>
public sealed record Link(Condition? When, string To);

/// <summary>Changes to state variables: set to a value, or add to it.</summary>
public sealed record StateChange(IReadOnlyDictionary<string, double> Set, IReadOnlyDictionary<string, double> Add)
{
    public static readonly StateChange None = new(new Dictionary<string, double>(), new Dictionary<string, double>());

    public void ApplyTo(IDictionary<string, double> state)
    {
        foreach (var (k, v) in Set)
        {
            state[k] = v;
        }

        foreach (var (k, v) in Add)
        {
            state[k] = state.TryGetValue(k, out var old) ? old + v : v;
        }
    }
}

public sealed record Option(string Id, string Text, bool Correct, string? Consequence, StateChange Changes, IReadOnlyList<Link> Links);

public sealed record VitalsSet(string Time, int RespirationRate, int SpO2, bool OnOxygen, int SystolicBp, int Pulse, Consciousness Consciousness, decimal? Temperature);

public sealed record LabResult(string Name, string Value, string? Unit, string? Range, string? Flag);

/// <summary>The patient facts an observations node gives the model (and the learner).</summary>
public sealed record PatientFacts(int Age, int Comorbidities, bool Hypercapnic, bool Pregnant, bool BetaBlocked, double HoursSinceObservations);

/// <summary>What the AI tool says at an AI decision point: from the real model, or authored for tools CareReady does not run.</summary>
public sealed record AiSpec(
    string Source,
    string Tool,
    string? ObservationsNode,
    string? HighRiskAnswer,
    string? LowRiskAnswer,
    string? Prediction,
    double? Probability,
    string? Answer,
    IReadOnlyList<(string Factor, string Value)> Factors,
    string? Scope);

public sealed record ScenarioNode(string Id, NodeKind Kind, string Title, string Text, IReadOnlyList<Link> Links)
{
    public int Points { get; init; } = 1;
    public int? TimeLimitSeconds { get; init; }
    public string? TimeoutNext { get; init; }
    public string? Feedback { get; init; }
    public QuestionKind QuestionKind { get; init; }
    public IReadOnlyList<Option> Options { get; init; } = [];

    /// <summary>Question answers (option ids) for single and multiple choice.</summary>
    public IReadOnlyList<string> Answer { get; init; } = [];
    public double? NumericAnswer { get; init; }
    public double Tolerance { get; init; }

    /// <summary>A numeric question whose answer is the NEWS2 total of this observations node's latest set.</summary>
    public string? News2Of { get; init; }

    public IReadOnlyList<VitalsSet> Vitals { get; init; } = [];
    public IReadOnlyList<LabResult> Labs { get; init; } = [];
    public string? History { get; init; }
    public PatientFacts? Patient { get; init; }
    public SpO2Scale Scale { get; init; } = SpO2Scale.Scale1;

    /// <summary>For an AI decision: the right option id.</summary>
    public string? Correct { get; init; }
    public AiSpec? Ai { get; init; }
    public StateChange Changes { get; init; } = StateChange.None;
}

/// <summary>A guideline version a scenario cites, exactly as written (source name and version label).</summary>
public sealed record ScenarioGuideline(string Source, string Version);

using System.Globalization;
using CareReady.Core.Simulation.Model;

namespace CareReady.Core.Simulation.Scenarios;

/// <summary>What the AI tool showed the learner at an AI decision point.</summary>
public sealed record AiShown(
    string Tool,
    string Prediction,
    double? Probability,
    string Answer,
    IReadOnlyList<DrivingFactor> Factors,
    string Scope,
    IReadOnlyList<string> Imputed,
    double HoursSinceObservations);

/// <summary>The rules of play that need no database: links and conditions, marking, NEWS2 and the AI output of a node.</summary>
public static class ScenarioEngine
{
    /// <summary>The next node after <paramref name="node"/> (and the chosen decision option, if any), given the state.</summary>
    public static string? Next(ScenarioNode node, Option? chosen, IReadOnlyDictionary<string, double> state)
    {
        ArgumentNullException.ThrowIfNull(node);
        var links = chosen is { Links.Count: > 0 } ? chosen.Links : node.Links;
        return links.FirstOrDefault(l => l.When is null || l.When.Holds(state))?.To;
    }

    /// <summary>The latest vital-sign set of an observations node as the model's input, with 24-hour trends from the first set.</summary>
    public static PatientObservations ToPatient(ScenarioNode observations)
    {
        ArgumentNullException.ThrowIfNull(observations);
        var last = observations.Vitals[^1];
        var first = observations.Vitals[0];
        var hasTrend = observations.Vitals.Count > 1;
        var facts = observations.Patient ?? new PatientFacts(65, 0, false, false, false, 0);
        return new PatientObservations
        {
            Age = facts.Age,
            Comorbidities = facts.Comorbidities,
            RespirationRate = last.RespirationRate,
            SpO2 = last.SpO2,
            OnOxygen = last.OnOxygen,
            SystolicBp = last.SystolicBp,
            Pulse = last.Pulse,
            Consciousness = last.Consciousness,
            Temperature = last.Temperature,
            RespirationTrend = hasTrend ? last.RespirationRate - first.RespirationRate : null,
            SystolicTrend = hasTrend ? last.SystolicBp - first.SystolicBp : null,
            HoursSinceObservations = facts.HoursSinceObservations,
            Hypercapnic = facts.Hypercapnic || observations.Scale == SpO2Scale.Scale2,
            Pregnant = facts.Pregnant,
            BetaBlocked = facts.BetaBlocked,
        };
    }

    /// <summary>NEWS2 of a vital-sign set on the node's SpO2 scale (a missing temperature scores as normal).</summary>
    public static News2Result News2For(VitalsSet v, SpO2Scale scale)
    {
        ArgumentNullException.ThrowIfNull(v);
        return News2.Score(new News2Observations(v.RespirationRate, v.SpO2, v.OnOxygen, v.SystolicBp, v.Pulse, v.Consciousness,
            v.Temperature ?? DeteriorationFeatures.NormalTemperature, scale));
    }

    /// <summary>The AI output for an AI decision point: the real model on the case's observations, or the authored output.</summary>
    public static AiShown AiOutput(ScenarioDefinition scenario, ScenarioNode node, IDeteriorationModel model)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(node);
        ArgumentNullException.ThrowIfNull(model);
        var ai = node.Ai ?? throw new InvalidOperationException("Not an AI decision point.");
        if (ai.Source == "model")
        {
            var patient = ToPatient(scenario.Node(ai.ObservationsNode!));
            var p = model.Predict(patient);
            var prediction = string.Create(CultureInfo.InvariantCulture,
                $"{(p.HighRisk ? "HIGH" : "LOW")} risk of deterioration in the next 24 hours ({p.Probability:0%})");
            return new AiShown(ai.Tool.Length > 0 ? ai.Tool : model.Card.Name, prediction, p.Probability,
                p.HighRisk ? ai.HighRiskAnswer! : ai.LowRiskAnswer!, p.DrivingFactors, p.Scope, p.Imputed, patient.HoursSinceObservations);
        }

        return new AiShown(ai.Tool, ai.Prediction!, ai.Probability, ai.Answer!,
            ai.Factors.Select(f => new DrivingFactor(f.Factor, f.Value, 0)).ToList(), ai.Scope ?? string.Empty, [], 0);
    }

    /// <summary>Marks a question: option ids (all or nothing for multiple choice) or a number within the tolerance.</summary>
    public static bool Mark(ScenarioDefinition scenario, ScenarioNode question, IReadOnlyList<string> options, double? number)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(question);
        ArgumentNullException.ThrowIfNull(options);
        if (question.QuestionKind == QuestionKind.Numeric)
        {
            var expected = NumericAnswer(scenario, question);
            return number is { } n && Math.Abs(n - expected) <= question.Tolerance + 1e-9;
        }

        return options.ToHashSet(StringComparer.Ordinal).SetEquals(question.Answer);
    }

    public static double NumericAnswer(ScenarioDefinition scenario, ScenarioNode question)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(question);
        if (question.News2Of is { } obs)
        {
            var node = scenario.Node(obs);
            return News2For(node.Vitals[^1], node.Scale).Total;
        }

        return question.NumericAnswer ?? 0;
    }

    /// <summary>The right answer in words, for feedback.</summary>
    public static string RightAnswerText(ScenarioDefinition scenario, ScenarioNode node)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(node);
        return node.Kind switch
        {
            NodeKind.Question when node.QuestionKind == QuestionKind.Numeric => NumericAnswer(scenario, node).ToString("0.##", CultureInfo.InvariantCulture),
            NodeKind.Question => string.Join("; ", node.Options.Where(o => node.Answer.Contains(o.Id)).Select(o => o.Text)),
            NodeKind.Decision => string.Join("; ", node.Options.Where(o => o.Correct).Select(o => o.Text)),
            NodeKind.AiDecision => node.Options.FirstOrDefault(o => o.Id == node.Correct)?.Text ?? string.Empty,
            _ => string.Empty,
        };
    }
}

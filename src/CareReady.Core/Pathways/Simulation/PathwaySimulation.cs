namespace CareReady.Core.Pathways.Simulation;

/// <summary>What one policy achieved on the simulated population.</summary>
/// <param name="RetainedShare">Mean true probability that a learner answers a safety-critical question right on a random inspection day.</param>
/// <param name="StudyMinutesPerYear">Refresher minutes per person per year (the initial training, the same for all, not counted).</param>
public sealed record PolicyOutcome(string Policy, double RetainedShare, double StudyMinutesPerYear, double LogLoss, double RmseBins, int Reviews);

/// <summary>One answer seen by the simulation: who, which item, which day, right or wrong.</summary>
public readonly record struct SimulatedAnswer(int Learner, int Item, int Day, bool Correct);

/// <summary>
/// Runs one policy over the population for two years: day 0 is the initial training (lesson, then the
/// assessment question — the policy's first answer); every day after, each learner answers what the
/// policy says is due (capped policies: at most one session of <see cref="SimulationOptions.SessionMinutes"/>
/// and the budget over the whole run, most urgent first). Answers are drawn from the true memory model, and each
/// answer (with its feedback) is itself an exposure. Deterministic for a seed; the inspection days and
/// the population are the same for every policy.
/// </summary>
public static class PathwaySimulation
{
    private const double AnswerTime = 0.5;
    private const double AssessmentDelay = 0.02;

    public static PolicyOutcome Run(SimulatedPopulation population, RefresherPolicy policy, SimulationOptions options, int seed,
        Action<SimulatedAnswer>? onAnswer = null)
    {
        var learners = population.Learners.Count;
        var items = population.Items.Count;
        var traces = new List<Trace>[learners * items];
        var random = new Random[learners];
        var inspections = new int[learners][];
        var spent = new double[learners];
        var budget = options.BudgetMinutesPerYear * options.Days / 365.0;
        var metrics = new PredictionMetrics();
        double retained = 0, minutes = 0;
        long retainedCount = 0;
        var reviews = 0;

        for (var l = 0; l < learners; l++)
        {
            random[l] = new Random(StableSeed.Of(seed, l, 17));
            var inspection = new Random(StableSeed.Of(seed, l, 29));
            inspections[l] = [.. Enumerable.Range(0, options.InspectionDays).Select(_ => inspection.Next(1, options.Days)).Order()];
            for (var i = 0; i < items; i++)
            {
                var memory = traces[(l * items) + i] = new List<Trace>(12);
                var alpha = population.DecayIntercept(l, i);
                TrueMemoryModel.Expose(memory, 0, alpha);
                var correct = Answer(population, memory, l, i, AssessmentDelay, random[l]);
                TrueMemoryModel.Expose(memory, AssessmentDelay, alpha);
                policy.Start(l, i, correct);
                onAnswer?.Invoke(new SimulatedAnswer(l, i, 0, correct));
            }
        }

        var due = new List<(int Item, double Urgency)>(items);
        for (var day = 1; day < options.Days; day++)
        {
            for (var l = 0; l < learners; l++)
            {
                foreach (var inspectionDay in inspections[l])
                {
                    if (inspectionDay == day)
                    {
                        for (var i = 0; i < items; i++)
                        {
                            if (population.Items[i].SafetyCritical)
                            {
                                retained += TrueMemoryModel.Recall(traces[(l * items) + i], day, population.Threshold(l, i));
                                retainedCount++;
                            }
                        }
                    }
                }

                due.Clear();
                for (var i = 0; i < items; i++)
                {
                    if (policy.IsDue(l, i, day))
                    {
                        due.Add((i, policy.Capped ? policy.Urgency(l, i, day) : 0));
                    }
                }

                if (due.Count == 0)
                {
                    continue;
                }

                if (policy.Capped)
                {
                    due.Sort((a, b) => b.Urgency != a.Urgency ? b.Urgency.CompareTo(a.Urgency) : a.Item.CompareTo(b.Item));
                }

                var session = 0.0;
                foreach (var (item, _) in due)
                {
                    if (policy.Capped && (session + policy.MinutesPerReview > options.SessionMinutes + 1e-9
                        || (budget is { } limit && spent[l] + policy.MinutesPerReview > limit + 1e-9)))
                    {
                        break;
                    }

                    var memory = traces[(l * items) + item];
                    var t = day + AnswerTime + (session * 0.001);
                    var predicted = policy.Predict(l, item, day);
                    var correct = Answer(population, memory, l, item, t, random[l]);
                    metrics.Add(predicted, correct);
                    var alpha = population.DecayIntercept(l, item);
                    TrueMemoryModel.Expose(memory, t, alpha);
                    if (policy.ReviewIncludesLesson)
                    {
                        TrueMemoryModel.Expose(memory, t + AssessmentDelay, alpha);
                    }

                    policy.Review(l, item, day, correct);
                    onAnswer?.Invoke(new SimulatedAnswer(l, item, day, correct));
                    session += policy.MinutesPerReview;
                    spent[l] += policy.MinutesPerReview;
                    minutes += policy.MinutesPerReview;
                    reviews++;
                }
            }
        }

        var years = options.Days / 365.0;
        return new PolicyOutcome(policy.Name, retainedCount == 0 ? double.NaN : retained / retainedCount,
            minutes / learners / years, metrics.LogLoss(), metrics.RmseBins(), reviews);
    }

    private static bool Answer(SimulatedPopulation population, List<Trace> memory, int learner, int item, double t, Random random) =>
        random.NextDouble() < TrueMemoryModel.Recall(memory, t, population.Threshold(learner, item));
}

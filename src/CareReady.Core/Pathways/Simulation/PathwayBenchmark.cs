using System.Globalization;
using System.Text;
using CareReady.Core.Pathways.Fsrs;

namespace CareReady.Core.Pathways.Simulation;

/// <summary>The benchmark's figures: one outcome per policy, the mastery model's AUC against its baseline, and how the knobs were set.</summary>
public sealed record PathwayBenchResult(
    IReadOnlyList<PolicyOutcome> Policies, double MasteryAuc, double BaselineAuc, int MasteryAnswers,
    double BudgetMinutesPerYear, double Sm2IntervalModifier, double CareReadyRetention, double PilotRetention, FsrsFit Fit)
{
    /// <summary>The one-line JSON object of issue 7; plan_p95_ms is null unless the plan timing was measured (it needs a database).</summary>
    public string ToJson(double? planP95Ms = null)
    {
        var json = new StringBuilder("{\"policies\":{");
        json.AppendJoin(',', Policies.Select(p => string.Create(CultureInfo.InvariantCulture,
            $"\"{p.Policy}\":{{\"retained_share\":{Number(p.RetainedShare)},\"study_minutes_per_year\":{Number(p.StudyMinutesPerYear)},\"log_loss\":{Number(p.LogLoss)},\"rmse_bins\":{Number(p.RmseBins)}}}")));
        json.Append(CultureInfo.InvariantCulture, $"}},\"mastery_auc\":{Number(MasteryAuc)},\"baseline_auc\":{Number(BaselineAuc)},\"plan_p95_ms\":{(planP95Ms is double ms ? Number(ms) : "null")}}}");
        return json.ToString();
    }

    private static string Number(double value) => double.IsFinite(value) ? Math.Round(value, 4).ToString("0.####", CultureInfo.InvariantCulture) : "null";
}

/// <summary>
/// <c>careready bench pathways</c>: the fixed annual refresher, SM-2 and CareReady's FSRS refreshers on
/// the same simulated learners, at equal study minutes. The annual refresher's minutes set the budget;
/// each of the other two has one knob (SM-2: an interval modifier; CareReady: target retention) tuned
/// on a separate pilot cohort so that it spends the same, and the budget is also a hard cap over the two years.
/// CareReady's FSRS parameters are fitted on the pilot cohort's review log (the organisation's history). Because
/// capped learners leave minutes unspent, CareReady's retention is then matched on the test learners so that it
/// spends no more than SM-2 actually did (ADR 0010, "Equal study time").
/// </summary>
public static class PathwayBenchmark
{
    /// <summary>Cards of the pilot log the fit reads (about 30,000 reviews: enough, and a few seconds on 2 cores).</summary>
    public const int MaxFittedCards = 4000;

    public static PathwayBenchResult Run(int learners, int seed, SimulationOptions? options = null, Action<string>? log = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(learners, 1);
        options ??= new SimulationOptions();
        log ??= _ => { };
        var population = new SimulatedPopulation(learners, seed);
        var pilot = new SimulatedPopulation(Math.Clamp(learners / 4, 50, 300), seed ^ 0x5EED);
        var items = population.Items.Count;

        var annual = PathwaySimulation.Run(population, new FixedAnnualPolicy(learners, items, options.AnnualMinutesPerItem), options, seed);
        var budget = annual.StudyMinutesPerYear;
        log(F($"fixed annual: {annual.RetainedShare:0.000} retained, {budget:0.0} min/person/year — the budget for the others"));

        // The organisation's history: the pilot cohort on default FSRS parameters, at the retention that
        // spends the budget; the parameters are fitted on its review log, then the retention is set again.
        var uncapped = options with { BudgetMinutesPerYear = null };
        var pilotLearners = pilot.Learners.Count;
        double CareReadyMinutes(double r, IReadOnlyList<double>? w) =>
            PathwaySimulation.Run(pilot, new CareReadyPolicy(pilotLearners, pilot.Items, options.RefresherMinutesPerReview, r, w), uncapped, seed + 3).StudyMinutesPerYear;
        var defaultRetention = Calibrate(r => CareReadyMinutes(r, null), budget, 0.6, 0.99, increasing: true, transform: x => x);
        var history = new Dictionary<int, List<(int Day, bool Correct)>>();
        PathwaySimulation.Run(pilot, new CareReadyPolicy(pilotLearners, pilot.Items, options.RefresherMinutesPerReview, defaultRetention), options with { BudgetMinutesPerYear = budget }, seed + 1,
            a => Add(history, (a.Learner * items) + a.Item, a.Day, a.Correct));
        var fit = FsrsParameterFitter.Fit([.. history.OrderBy(h => h.Key).Take(MaxFittedCards).Select(h => ToHistory(h.Value))]);
        log(F($"FSRS parameters fitted on the pilot cohort's {fit.Reviews:N0} reviews (default parameters at retention {defaultRetention:0.000}): log loss {fit.LogLossBefore:0.0000} → {fit.LogLossAfter:0.0000}"));

        var modifier = Calibrate(m => PathwaySimulation.Run(pilot, new Sm2Policy(pilotLearners, items, options.RefresherMinutesPerReview, m), uncapped, seed + 2).StudyMinutesPerYear,
            budget, Math.Log(0.2), Math.Log(100), increasing: false, transform: Math.Exp);
        log(F($"SM-2 interval modifier for {budget:0.0} min/year: {modifier:0.000}"));
        var pilotRetention = Calibrate(r => CareReadyMinutes(r, fit.Parameters.Weights), budget, 0.6, 0.99, increasing: true, transform: x => x);
        log(F($"CareReady target retention for {budget:0.0} min/year on the pilot cohort: {pilotRetention:0.000}"));

        var capped = options with { BudgetMinutesPerYear = budget };
        var sm2 = PathwaySimulation.Run(population, new Sm2Policy(learners, items, options.RefresherMinutesPerReview, modifier), capped, seed);
        log(F($"SM-2: {sm2.RetainedShare:0.000} retained, {sm2.StudyMinutesPerYear:0.0} min/person/year"));

        // Equal study time: learners who need less leave part of the budget unspent, and the two policies
        // do not leave the same part, so the pilot's knob alone gives unequal minutes on these learners.
        // CareReady's target retention is therefore the highest whose minutes on these learners do not
        // exceed what SM-2 actually spent (a cost match: the retained share is never looked at).
        var retention = MatchMinutes(r => PathwaySimulation.Run(population, new CareReadyPolicy(learners, population.Items, options.RefresherMinutesPerReview, r, fit.Parameters.Weights), capped, seed),
            sm2.StudyMinutesPerYear, 0.6, 0.99);
        log(F($"CareReady target retention for at most SM-2's {sm2.StudyMinutesPerYear:0.00} min/year: {retention:0.0000} (other items {Math.Max(0.5, retention - CareReadyPolicy.OtherItemsRetentionGap):0.0000})"));
        var mastery = new MasteryEvaluation(population);
        var careready = PathwaySimulation.Run(population, new CareReadyPolicy(learners, population.Items, options.RefresherMinutesPerReview, retention, fit.Parameters.Weights), capped, seed, mastery.Add);
        log(F($"CareReady: {careready.RetainedShare:0.000} retained, {careready.StudyMinutesPerYear:0.00} min/person/year"));
        log(F($"mastery model on {mastery.Answers:N0} answers: AUC {mastery.MasteryAuc():0.000} (per-item average {mastery.BaselineAuc():0.000})"));

        return new PathwayBenchResult([annual, sm2, careready], mastery.MasteryAuc(), mastery.BaselineAuc(), mastery.Answers, budget, modifier, retention, pilotRetention, fit);
    }

    /// <summary>
    /// The highest target retention in [<paramref name="low"/>, <paramref name="high"/>] (to 1e-4) whose minutes do not exceed
    /// <paramref name="limit"/>: bisection that only ever keeps a value it has seen within the limit (the lower end if none).
    /// </summary>
    private static double MatchMinutes(Func<double, PolicyOutcome> run, double limit, double low, double high)
    {
        var best = low;
        while (high - low > 1e-4)
        {
            var middle = (low + high) / 2;
            if (run(middle).StudyMinutesPerYear <= limit)
            {
                best = low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return best;
    }

    /// <summary>Bisection for the knob value whose minutes per year equal the budget (minutes are monotone in the knob).</summary>
    private static double Calibrate(Func<double, double> minutes, double budget, double low, double high, bool increasing, Func<double, double> transform)
    {
        for (var i = 0; i < 10; i++)
        {
            var middle = (low + high) / 2;
            var tooMuch = minutes(transform(middle)) > budget;
            if (tooMuch == increasing)
            {
                high = middle;
            }
            else
            {
                low = middle;
            }
        }

        return transform((low + high) / 2);
    }

    private static void Add(Dictionary<int, List<(int Day, bool Correct)>> history, int card, int day, bool correct)
    {
        if (!history.TryGetValue(card, out var list))
        {
            history[card] = list = [];
        }

        list.Add((day, correct));
    }

    private static FsrsHistory ToHistory(List<(int Day, bool Correct)> reviews) =>
        new([.. reviews.Select((r, i) => (i == 0 ? 0 : r.Day - reviews[i - 1].Day, r.Correct ? FsrsRating.Good : FsrsRating.Again))]);

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

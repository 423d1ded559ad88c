using CareReady.Core.Analytics;
using CareReady.Core.Competencies;
using CareReady.Core.Compliance;
using CareReady.Core.Workforce;

namespace CareReady.Core.Demo;

/// <summary>A demo measure with its values (local department ids) and the effect planted in it.</summary>
/// <param name="PlantedEffect">The true difference-in-differences for units pushed in <see cref="DemoImpact.PushSubjectCode"/> (0: none planted).</param>
public sealed record DemoMeasure(PerformanceMeasure Measure, IReadOnlyList<MeasureValue> Values, double PlantedEffect);

/// <summary>The demo's impact story: which wards got a training push, the extra training it brought, and the measures.</summary>
public sealed record DemoImpactPlan(IReadOnlyList<TrainingPush> Pushes, IReadOnlyList<DemoMeasure> Measures);

/// <summary>
/// Plants known effects in the demo organisation's performance measures, so that the impact view can be
/// checked against the truth. About half of the inpatient and acute wards (drawn with the seed) get an
/// infection prevention and control (IPC) training push in the month <see cref="PushMonthsAgo"/> months
/// back: most of their staff complete IPC training that month, so the wards' IPC compliance rises. From
/// the next month their hospital-acquired infection rate (HAI) is <see cref="InfectionEffect"/> lower than
/// it would have been; every ward's rate also carries its own level, a shared seasonal swing and noise.
/// Falls (FALLS) and staff turnover (TURNOVER, quarterly) get the same kind of noise and no effect at all.
/// </summary>
public static class DemoImpact
{
    public const string PushSubjectCode = "CSTF-IPC";
    public const int PushMonthsAgo = 9;

    /// <summary>Change in HAI (per 1,000 bed days) the push causes in pushed wards from the month after it starts.</summary>
    public const double InfectionEffect = -0.8;

    /// <summary>Months of measure values, ending with the last complete month.</summary>
    public const int Months = 24;

    /// <summary>Share of a pushed ward's staff who complete the training in the push month.</summary>
    public const double Attendance = 0.92;

    private static readonly string[] WardTags = ["adult-ward", "critical", "ed", "maternity", "paeds", "neonatal"];

    /// <summary>The first day of the push month.</summary>
    public static DateOnly PushMonth(DateOnly today) => Periods.StartOf(today.AddMonths(-PushMonthsAgo), MeasurePeriod.Month);

    internal static DemoImpactPlan Plan(Random rng, DateOnly today, DemoWorkforce workforce, IReadOnlyDictionary<int, Competency> catalogue, List<Completion>[] perPerson)
    {
        var subject = catalogue.Values.Where(c => c.Code.StartsWith(PushSubjectCode + "-", StringComparison.Ordinal)).OrderBy(c => c.Level).ToList();
        var wards = workforce.Departments
            .Where(d => d.Kind == DepartmentKind.Ward && workforce.DepartmentTags.TryGetValue(d.Id, out var tags) && tags.Any(WardTags.Contains))
            .OrderBy(d => d.Id).ToList();
        var shuffled = wards.ToList();
        rng.Shuffle(shuffled);
        var pushed = shuffled.Take(wards.Count / 2).Select(d => d.Id).ToHashSet();
        var pushMonth = PushMonth(today);

        var pushes = wards.Where(w => pushed.Contains(w.Id)).Select((w, i) => new TrainingPush
        {
            Id = i + 1,
            SubjectId = subject.Count > 0 ? subject[0].SubjectId : 0,
            DepartmentId = w.Id,
            StartsOn = pushMonth,
            Note = "IPC practice-development month (demo: planted effect)",
        }).ToList();

        if (subject.Count > 0)
        {
            AddPushTraining(rng, workforce, subject, pushed, pushMonth, perPerson);
        }

        var lastMonth = Periods.StartOf(today, MeasurePeriod.Month).AddMonths(-1);
        var months = Enumerable.Range(0, Months).Select(i => lastMonth.AddMonths(i - Months + 1)).ToList();
        var measures = new List<DemoMeasure>
        {
            Monthly(rng, 1, "HAI", "Hospital-acquired infections", "New healthcare-associated infections (MRSA, C. difficile, E. coli, CAUTI) per 1,000 occupied bed days, from the infection control team's surveillance",
                "per 1,000 bed days", wards, months, level: (2.5, 5.0), noise: 0.35, season: 0.3,
                effect: (d, m) => pushed.Contains(d) && m > pushMonth ? InfectionEffect : 0, planted: InfectionEffect),
            Monthly(rng, 2, "FALLS", "Inpatient falls", "Inpatient falls (any harm) per 1,000 occupied bed days, from the incident reporting system",
                "per 1,000 bed days", wards, months, level: (3.0, 7.0), noise: 0.5, season: 0.2, effect: (_, _) => 0, planted: 0),
        };

        var quarters = months.Select(m => Periods.StartOf(m, MeasurePeriod.Quarter)).Distinct()
            .Where(q => Periods.EndOf(q, MeasurePeriod.Quarter) < Periods.StartOf(today, MeasurePeriod.Month)).ToList();
        var turnover = new PerformanceMeasure
        {
            Id = 3, Code = "TURNOVER", Name = "Staff turnover", Unit = "%", HigherIsBetter = false, Period = MeasurePeriod.Quarter,
            Definition = "Leavers in the quarter as a percentage of average headcount, from the HR system",
        };
        var turnoverValues = new List<MeasureValue>();
        foreach (var ward in wards)
        {
            var level = 2.5 + (rng.NextDouble() * 2.5);
            turnoverValues.AddRange(quarters.Select(q => new MeasureValue
            {
                MeasureId = 3, DepartmentId = ward.Id, PeriodStart = q, Value = Math.Round(Math.Max(0, level + (0.6 * rng.Normal())), 2),
            }));
        }

        measures.Add(new DemoMeasure(turnover, turnoverValues, 0));
        return new DemoImpactPlan(pushes, measures);
    }

    private static void AddPushTraining(Random rng, DemoWorkforce workforce, List<Competency> subject, HashSet<int> pushed, DateOnly pushMonth, List<Completion>[] perPerson)
    {
        var clinicalGroups = ReferenceCatalogue.StaffGroups().Where(g => g.Clinical).Select(g => g.Code).ToHashSet(StringComparer.Ordinal);
        var top = subject[^1];
        var basic = subject[0];
        var last = pushMonth.AddMonths(1).AddDays(-1);
        for (var i = 0; i < workforce.Staff.Count; i++)
        {
            var person = workforce.Staff[i];
            var position = person.Positions.FirstOrDefault(p => pushed.Contains(p.DepartmentId) && p.IsCurrentOn(pushMonth) && person.IsActiveOn(last));
            if (position is null || !rng.Chance(Attendance))
            {
                continue;
            }

            var day = pushMonth.AddDays(rng.Next(last.Day));
            var competency = clinicalGroups.Contains(position.StaffGroupCode) ? top : basic;
            perPerson[i].Add(new Completion
            {
                StaffMemberId = person.Id, CompetencyId = competency.Id, CompletedOn = day, Source = CompletionSource.Historic,
                Reference = "IPC push " + Periods.Label(pushMonth, MeasurePeriod.Month),
            });
        }
    }

    private static DemoMeasure Monthly(Random rng, int id, string code, string name, string definition, string unit, List<Department> wards, List<DateOnly> months,
        (double Low, double High) level, double noise, double season, Func<int, DateOnly, double> effect, double planted)
    {
        var measure = new PerformanceMeasure { Id = id, Code = code, Name = name, Definition = definition, Unit = unit, HigherIsBetter = false, Period = MeasurePeriod.Month };
        var values = new List<MeasureValue>();
        foreach (var ward in wards)
        {
            var wardLevel = level.Low + (rng.NextDouble() * (level.High - level.Low));
            foreach (var m in months)
            {
                var seasonal = season * Math.Cos(2 * Math.PI * (m.Month - 1) / 12.0); // higher in winter
                var value = wardLevel + seasonal + effect(ward.Id, m) + (noise * rng.Normal());
                values.Add(new MeasureValue { MeasureId = id, DepartmentId = ward.Id, PeriodStart = m, Value = Math.Round(Math.Max(0, value), 3) });
            }
        }

        return new DemoMeasure(measure, values, planted);
    }
}

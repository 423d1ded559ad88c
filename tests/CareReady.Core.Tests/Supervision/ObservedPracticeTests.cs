using CareReady.Core.Competencies;
using CareReady.Core.Requirements;

namespace CareReady.Core.Tests.Supervision;

/// <summary>Observed practice is its own kind of competency, and a rule can ask for it alongside the e-learning.</summary>
public class ObservedPracticeTests
{
    private static readonly DateOnly Today = new(2026, 3, 2);

    private static Competency C(int id, string code, int level, string? variant, CompetencyKind kind = CompetencyKind.Knowledge) =>
        new() { Id = id, SubjectId = 7, Code = code, Name = code, Level = level, Variant = variant, Kind = kind, DefaultRefresherMonths = 12 };

    private static readonly Competency Res1 = C(1, "CSTF-RES-1", 1, null);
    private static readonly Competency Res2A = C(2, "CSTF-RES-2A", 2, "Adult");
    private static readonly Competency Res3A = C(3, "CSTF-RES-3A", 3, "Adult");
    private static readonly Competency Res2AObs = C(4, "CSTF-RES-2A-OBS", 2, "Adult", CompetencyKind.ObservedPractice);
    private static readonly Competency Res3AObs = C(5, "CSTF-RES-3A-OBS", 3, "Adult", CompetencyKind.ObservedPractice);
    private static readonly Competency Res2PObs = C(6, "CSTF-RES-2P-OBS", 2, "Paediatric", CompetencyKind.ObservedPractice);

    private static readonly Dictionary<int, Competency> Catalogue =
        new[] { Res1, Res2A, Res3A, Res2AObs, Res3AObs, Res2PObs }.ToDictionary(c => c.Id);

    private static readonly PositionFacts Nurse = new(1, "1", "NMR", true, "Staff Nurse", "/1/", true, false, true, new DateOnly(2020, 1, 6), null);

    [Fact]
    public void Only_a_competency_of_the_same_kind_satisfies_another()
    {
        Assert.True(Res3A.Satisfies(Res2A));
        Assert.True(Res3AObs.Satisfies(Res2AObs));           // higher observed level covers the lower
        Assert.False(Res2A.Satisfies(Res2AObs));             // e-learning is not observed practice
        Assert.False(Res2AObs.Satisfies(Res2A));             // nor the other way round
        Assert.False(Res3AObs.Satisfies(Res1));
        Assert.False(Res2PObs.Satisfies(Res2AObs));          // variant still matters
        Assert.True(Res2AObs.Satisfies(Res2AObs));
    }

    [Fact]
    public void The_observed_counterpart_has_the_same_subject_level_and_variant()
    {
        var all = Catalogue.Values.ToList();
        Assert.Same(Res2AObs, Res2A.ObservedCounterpart(all));
        Assert.Same(Res3AObs, Res3A.ObservedCounterpart(all));
        Assert.Null(Res1.ObservedCounterpart(all));
        Assert.Null(Res2AObs.ObservedCounterpart(all));
    }

    [Fact]
    public void A_rule_that_requires_observation_adds_the_observed_requirement_with_the_same_reasons()
    {
        var rule = new RequirementRule { Id = 10, OrganisationId = 1, Name = "Adult BLS", CompetencyId = Res2A.Id, Clinical = true, RequiresObservation = true, GraceDays = 14 };
        var result = RequirementResolver.Resolve([Nurse], [new RuleWithScope(rule, null)], Catalogue, new Dictionary<int, int>(), Today);

        Assert.Equal(["CSTF-RES-2A", "CSTF-RES-2A-OBS"], result.Select(r => r.Competency.Code));
        var observed = result.Single(r => r.Competency.Kind == CompetencyKind.ObservedPractice);
        var reason = Assert.Single(observed.Reasons);
        Assert.Equal(10, reason.RuleId);
        Assert.Equal(14, observed.GraceDays);
        Assert.Equal(12, observed.RefresherMonths);
    }

    [Fact]
    public void Without_the_flag_only_the_e_learning_is_required_and_levels_fold_within_a_kind()
    {
        var plain = new RequirementRule { Id = 10, OrganisationId = 1, Name = "Adult BLS", CompetencyId = Res2A.Id };
        Assert.Equal(["CSTF-RES-2A"], RequirementResolver.Resolve([Nurse], [new RuleWithScope(plain, null)], Catalogue, new Dictionary<int, int>(), Today)
            .Select(r => r.Competency.Code));

        // Level 2 and level 3 both observed: level 3 observed covers level 2 observed, never the e-learning.
        var bls = new RequirementRule { Id = 10, OrganisationId = 1, Name = "BLS", CompetencyId = Res2A.Id, RequiresObservation = true };
        var ils = new RequirementRule { Id = 11, OrganisationId = 1, Name = "ILS", CompetencyId = Res3A.Id, RequiresObservation = true };
        var result = RequirementResolver.Resolve([Nurse], [new RuleWithScope(bls, null), new RuleWithScope(ils, null)], Catalogue, new Dictionary<int, int>(), Today);
        Assert.Equal(["CSTF-RES-3A", "CSTF-RES-3A-OBS"], result.Select(r => r.Competency.Code));
        Assert.Equal([Res2AObs], result.Single(r => r.Competency.Code == "CSTF-RES-3A-OBS").Covers);
    }

    [Fact]
    public void The_reference_catalogue_has_an_observed_competency_with_a_checklist_for_each_practical_subject()
    {
        var all = ReferenceCatalogue.Subjects().SelectMany(s => s.Competencies).ToList();
        var observed = all.Where(c => c.Kind == CompetencyKind.ObservedPractice).Select(c => c.Code).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(["CSTF-MH-2-OBS", "CSTF-RES-2A-OBS", "CSTF-RES-2P-OBS", "CSTF-RES-3A-OBS"], observed);
        foreach (var code in observed)
        {
            var knowledge = all.Single(c => c.Code == code[..^4]);
            var obs = all.Single(c => c.Code == code);
            Assert.Equal((knowledge.Level, knowledge.Variant, knowledge.RefresherMonths), (obs.Level, obs.Variant, obs.RefresherMonths));
            Assert.EndsWith("— observed practice", obs.Name, StringComparison.Ordinal);
            Assert.True(ObservationChecklists.ForCode(code)!.Count >= 8);
        }

        Assert.Contains(ObservationChecklists.ForCode("CSTF-RES-2A-OBS")!, c => c.Contains("100–120", StringComparison.Ordinal));
        Assert.Contains(ObservationChecklists.ForCode("CSTF-MH-2-OBS")!, c => c.Contains("LOLER", StringComparison.Ordinal));
    }
}

using CareReady.Core.Competencies;
using CareReady.Core.Compliance;
using CareReady.Core.Requirements;
using Microsoft.Extensions.Time.Testing;

namespace CareReady.Core.Tests.Compliance;

/// <summary>The certification lifecycle, standing on chosen days (the clock is a FakeTimeProvider).</summary>
public class CertificationLifecycleTests
{
    private static readonly Subject Resus = new() { Id = 1, FrameworkCode = "CSTF", Code = "CSTF-RES", Name = "Resuscitation" };
    private static readonly Competency Level1 = new() { Id = 10, SubjectId = 1, Subject = Resus, Code = "CSTF-RES-1", Name = "Level 1", Level = 1, DefaultRefresherMonths = 12 };
    private static readonly Competency Level2Adult = new() { Id = 11, SubjectId = 1, Subject = Resus, Code = "CSTF-RES-2A", Name = "Level 2 Adult", Level = 2, Variant = "Adult", DefaultRefresherMonths = 12 };
    private static readonly Competency Level2Child = new() { Id = 12, SubjectId = 1, Subject = Resus, Code = "CSTF-RES-2P", Name = "Level 2 Paediatric", Level = 2, Variant = "Paediatric", DefaultRefresherMonths = 12 };
    private static readonly Competency Level3Adult = new() { Id = 13, SubjectId = 1, Subject = Resus, Code = "CSTF-RES-3A", Name = "Level 3 Adult", Level = 3, Variant = "Adult", DefaultRefresherMonths = 12 };

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2000, 1, 1, 9, 0, 0, TimeSpan.Zero)); // each test moves it forward to its day

    private DateOnly Today => DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);

    private void StandOn(int year, int month, int day) => _clock.SetUtcNow(new DateTimeOffset(year, month, day, 9, 0, 0, TimeSpan.Zero));

    private static Requirement Needs(Competency c, DateOnly from, int graceDays = 30) => new(c, c.DefaultRefresherMonths, graceDays, from, [], []);

    private RequirementStatus Status(Requirement r, params DateOnly[] completions) => RequirementStatusCalculator.Evaluate(r, completions, Today);

    private static DateOnly D(int y, int m, int d) => new(y, m, d);

    [Fact]
    public void New_starter_is_not_started_within_grace_then_overdue()
    {
        var r = Needs(Level1, D(2024, 1, 1));
        StandOn(2024, 1, 30);
        Assert.Equal(ComplianceState.NotStartedInGrace, Status(r).State);
        Assert.Equal(D(2024, 1, 31), Status(r).DueBy);
        StandOn(2024, 1, 31);
        Assert.Equal(ComplianceState.NotStartedOverdue, Status(r).State);
    }

    [Fact]
    public void Completion_certifies_until_completion_plus_refresher_then_window_then_expiry()
    {
        var r = Needs(Level1, D(2020, 1, 1));
        var done = D(2023, 6, 1);
        StandOn(2024, 4, 1);
        Assert.Equal(ComplianceState.Certified, Status(r, done).State);
        Assert.Equal(D(2024, 6, 1), Status(r, done).ExpiresOn);
        StandOn(2024, 4, 2); // 60 days before expiry: the renewal window opens
        Assert.Equal(ComplianceState.RenewalDue, Status(r, done).State);
        StandOn(2024, 6, 1);
        Assert.Equal(ComplianceState.Expired, Status(r, done).State);
        Assert.False(Status(r, done).IsCompliant);
    }

    [Fact]
    public void Renewing_early_inside_the_window_extends_from_the_previous_expiry()
    {
        var r = Needs(Level1, D(2020, 1, 1));
        StandOn(2024, 8, 1);
        var status = Status(r, D(2023, 6, 1), D(2024, 5, 1)); // renewed 31 days before the 2024-06-01 expiry
        Assert.Equal(D(2025, 6, 1), status.ExpiresOn);
        Assert.Equal([false, true], status.Cycles.Select(c => c.RenewedEarly));
        Assert.Equal(2, status.Cycles.Count);
    }

    [Fact]
    public void Renewing_before_the_window_opens_or_after_expiry_runs_from_the_completion()
    {
        var r = Needs(Level1, D(2020, 1, 1));
        StandOn(2025, 1, 1);
        Assert.Equal(D(2025, 2, 1), Status(r, D(2023, 6, 1), D(2024, 2, 1)).ExpiresOn); // 121 days early: not in the window
        Assert.Equal(D(2025, 7, 1), Status(r, D(2023, 6, 1), D(2024, 7, 1)).ExpiresOn); // a month after expiry
    }

    [Fact]
    public void As_of_a_past_day_ignores_later_completions()
    {
        var r = Needs(Level1, D(2020, 1, 1));
        StandOn(2023, 5, 31);
        Assert.Equal(ComplianceState.NotStartedOverdue, Status(r, D(2023, 6, 1)).State);
    }

    [Fact]
    public void Exemption_counts_as_met_while_it_runs_and_stops_when_it_ends()
    {
        var r = Needs(Level1, D(2020, 1, 1));
        var exemption = new ExemptionPeriod(D(2024, 1, 1), D(2024, 3, 1));
        StandOn(2024, 2, 29);
        var during = RequirementStatusCalculator.Evaluate(r, Array.Empty<DateOnly>(), [exemption], Today);
        Assert.Equal(ComplianceState.Exempt, during.State);
        Assert.True(during.IsCompliant);
        Assert.Equal(D(2024, 3, 1), during.ExemptUntil);
        StandOn(2024, 3, 1);
        Assert.Equal(ComplianceState.NotStartedOverdue, RequirementStatusCalculator.Evaluate(r, Array.Empty<DateOnly>(), [exemption], Today).State);
    }

    [Fact]
    public void A_higher_level_of_the_same_track_satisfies_a_lower_one_but_not_another_track()
    {
        Assert.True(Level3Adult.Satisfies(Level2Adult));
        Assert.True(Level3Adult.Satisfies(Level1));
        Assert.True(Level2Child.Satisfies(Level1));
        Assert.False(Level3Adult.Satisfies(Level2Child));
        Assert.False(Level1.Satisfies(Level2Adult));
    }

    [Fact]
    public void Prior_learning_from_another_employer_counts_from_the_date_it_was_achieved()
    {
        // A new starter joins on 2024-01-08 with adult ILS (level 3) done at her previous trust on 2023-09-01;
        // her role needs level 2 adult: certified, expiring a year after the prior learning.
        var r = Needs(Level2Adult, D(2024, 1, 8));
        StandOn(2024, 1, 15);
        var status = Status(r, D(2023, 9, 1));
        Assert.Equal(ComplianceState.Certified, status.State);
        Assert.Equal(D(2024, 9, 1), status.ExpiresOn);
    }

    [Fact]
    public void Role_change_resolves_the_new_requirement_from_the_new_position_start()
    {
        var rules = new[]
        {
            new RuleWithScope(new RequirementRule { Id = 1, Name = "BLS — clinical", CompetencyId = Level2Adult.Id, Clinical = true }, null),
            new RuleWithScope(new RequirementRule { Id = 2, Name = "Awareness — non-clinical", CompetencyId = Level1.Id, Clinical = false }, null),
        };
        var competencies = new Dictionary<int, Competency> { [Level1.Id] = Level1, [Level2Adult.Id] = Level2Adult };
        var clerk = new PositionFacts(1, "1", "AC", false, "Clerk", "/1/", false, false, false, D(2020, 1, 1), D(2024, 2, 1));
        var hca = new PositionFacts(2, "1-2", "ACS", true, "Healthcare Assistant", "/1/", true, false, false, D(2024, 2, 1), null);

        StandOn(2024, 1, 31);
        Assert.Equal([Level1.Code], RequirementResolver.Resolve([clerk, hca], rules, competencies, new Dictionary<int, int>(), Today).Select(x => x.Competency.Code));
        StandOn(2024, 2, 1);
        var after = Assert.Single(RequirementResolver.Resolve([clerk, hca], rules, competencies, new Dictionary<int, int>(), Today));
        Assert.Equal(Level2Adult.Code, after.Competency.Code);
        Assert.Equal(D(2024, 2, 1), after.RequiredFrom);
        Assert.Equal(ComplianceState.NotStartedInGrace, Status(after).State);
    }

    [Fact]
    public void A_regulatory_cap_ends_a_cycle_early_and_a_later_completion_starts_afresh()
    {
        var r = Needs(Level1, D(2020, 1, 1));
        var capped = new CompletionEvidence(D(2025, 11, 1), D(2026, 6, 30));
        StandOn(2026, 3, 2);
        var now = RequirementStatusCalculator.Evaluate(r, [capped], [], Today);
        Assert.Equal((ComplianceState.Certified, D(2026, 6, 30)), (now.State, now.ExpiresOn));
        Assert.True(now.Cycles[^1].CappedByChange);
        StandOn(2026, 5, 1); // inside the 60-day window before the cap
        Assert.Equal(ComplianceState.RenewalDue, RequirementStatusCalculator.Evaluate(r, [capped], [], Today).State);
        StandOn(2026, 6, 30);
        Assert.Equal(ComplianceState.Expired, RequirementStatusCalculator.Evaluate(r, [capped], [], Today).State);

        // The updated module passed in the window runs on from the capped expiry; passed after it, from its own day.
        var inWindow = RequirementStatusCalculator.Evaluate(r, [capped, new CompletionEvidence(D(2026, 6, 1), null)], [], Today);
        Assert.Equal((ComplianceState.Certified, D(2027, 6, 30), false), (inWindow.State, inWindow.ExpiresOn, inWindow.Cycles[^1].CappedByChange));
        StandOn(2026, 8, 1);
        var late = RequirementStatusCalculator.Evaluate(r, [capped, new CompletionEvidence(D(2026, 7, 15), null)], [], Today);
        Assert.Equal(D(2027, 7, 15), late.ExpiresOn);
    }

    [Fact]
    public void A_cap_after_the_natural_expiry_changes_nothing_and_an_uncapped_completion_the_same_day_stands()
    {
        var r = Needs(Level1, D(2020, 1, 1));
        StandOn(2026, 3, 2);
        Assert.Equal(D(2026, 11, 1), RequirementStatusCalculator.Evaluate(r, [new CompletionEvidence(D(2025, 11, 1), D(2027, 1, 1))], [], Today).ExpiresOn);
        var twins = RequirementStatusCalculator.Evaluate(r, [new CompletionEvidence(D(2025, 11, 1), D(2026, 1, 1)), new CompletionEvidence(D(2025, 11, 1), null)], [], Today);
        Assert.Equal((ComplianceState.Certified, D(2026, 11, 1)), (twins.State, twins.ExpiresOn));
        var bothCapped = RequirementStatusCalculator.Evaluate(r, [new CompletionEvidence(D(2025, 11, 1), D(2026, 1, 1)), new CompletionEvidence(D(2025, 11, 1), D(2026, 4, 1))], [], Today);
        Assert.Equal(D(2026, 4, 1), bothCapped.ExpiresOn);

        // A competency that never expires can still be ended by a change.
        var once = new Requirement(Level1, null, 30, D(2020, 1, 1), [], []);
        Assert.Equal((ComplianceState.Expired, D(2026, 3, 2)), (RequirementStatusCalculator.Evaluate(once, [new CompletionEvidence(D(2024, 1, 1), D(2026, 3, 2))], [], Today) is var s ? (s.State, s.ExpiresOn) : default));
    }
}

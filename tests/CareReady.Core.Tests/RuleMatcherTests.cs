using CareReady.Core.Competencies;
using CareReady.Core.Requirements;

namespace CareReady.Core.Tests;

public class RuleMatcherTests
{
    private static PositionFacts Position(
        string group = "NMR", bool clinical = true, string role = "Staff Nurse", string path = "/1/5/9/",
        bool patientContact = true, bool children = false, bool registered = true) =>
        new(1, "A1", group, clinical, role, path, patientContact, children, registered, new DateOnly(2020, 1, 1), null);

    private static RequirementRule Rule() => new() { Name = "r", CompetencyId = 1 };

    [Fact]
    public void Rule_without_criteria_applies_to_everyone()
    {
        Assert.True(RuleMatcher.Matches(Rule(), null, Position()));
        Assert.True(RuleMatcher.Matches(Rule(), null, Position(group: "AC", clinical: false, patientContact: false, registered: false)));
    }

    [Fact]
    public void Inactive_rule_matches_nobody() =>
        Assert.False(RuleMatcher.Matches(new RequirementRule { Name = "r", IsActive = false }, null, Position()));

    [Theory]
    [InlineData("NMR", true)]
    [InlineData("nmr", true)]
    [InlineData("MD", false)]
    public void Staff_group_is_compared_without_case(string ruleGroup, bool expected)
    {
        var rule = Rule();
        rule.StaffGroupCode = ruleGroup;
        Assert.Equal(expected, RuleMatcher.Matches(rule, null, Position()));
    }

    [Theory]
    [InlineData("/1/5/", true)]      // ancestor
    [InlineData("/1/5/9/", true)]    // the department itself
    [InlineData("/1/6/", false)]     // sibling
    [InlineData("/1/5/90/", false)]  // prefix of the digits but not an ancestor
    public void Department_rule_covers_its_subtree(string rulePath, bool expected)
    {
        var rule = Rule();
        rule.DepartmentId = 42;
        Assert.Equal(expected, RuleMatcher.Matches(rule, rulePath, Position(path: "/1/5/9/")));
    }

    [Fact]
    public void Criteria_combine_with_and()
    {
        var rule = Rule();
        rule.Clinical = true;
        rule.PatientContact = true;
        rule.WorksWithChildren = true;
        Assert.False(RuleMatcher.Matches(rule, null, Position(children: false)));
        Assert.True(RuleMatcher.Matches(rule, null, Position(children: true)));
        Assert.False(RuleMatcher.Matches(rule, null, Position(children: true, clinical: false)));
    }

    [Fact]
    public void Job_role_must_match_when_set()
    {
        var rule = Rule();
        rule.JobRole = "healthcare assistant";
        Assert.False(RuleMatcher.Matches(rule, null, Position()));
        Assert.True(RuleMatcher.Matches(rule, null, Position(role: "Healthcare Assistant")));
    }

    [Fact]
    public void Non_clinical_rule_excludes_clinical_staff()
    {
        var rule = Rule();
        rule.Clinical = false;
        Assert.False(RuleMatcher.Matches(rule, null, Position()));
        Assert.True(RuleMatcher.Matches(rule, null, Position(group: "AC", clinical: false)));
    }

    [Fact]
    public void Audience_is_described_in_plain_words()
    {
        var rule = Rule();
        rule.Clinical = true;
        rule.PatientContact = true;
        Assert.Equal("clinical staff, with patient contact, in Emergency Department (and below)",
            RuleMatcher.DescribeAudience(rule, "Emergency Department", null));
        Assert.Equal("all staff", RuleMatcher.DescribeAudience(Rule(), null, null));
    }
}

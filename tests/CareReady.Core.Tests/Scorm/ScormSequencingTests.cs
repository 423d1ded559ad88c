using System.Text;
using CareReady.Core.Scorm;

namespace CareReady.Core.Tests.Scorm;

/// <summary>The SCORM 2004 sequencing CareReady applies (ADR 0023): what is read from the manifest, and how the navigator decides.</summary>
public class ScormSequencingTests
{
    private const string Head = """
        <manifest identifier="M" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss">
          <metadata><schema>ADL SCORM</schema><schemaversion>2004 4th Edition</schemaversion></metadata>
        """;

    private const string Resources = """<resources><resource identifier="R" type="webcontent" adlcp:scormType="sco" href="a.html"/></resources>""";

    private static ScormManifestResult Read(string organisation, string extra = "", string head = Head) => ScormManifestReader.Read(new Dictionary<string, byte[]>
    {
        ["imsmanifest.xml"] = Encoding.UTF8.GetBytes(head + $"""<organizations default="O"><organization identifier="O"><title>T</title>{organisation}</organization></organizations>{Resources}{extra}</manifest>"""),
        ["a.html"] = "x"u8.ToArray(),
    });

    [Fact]
    public void A_part_takes_the_control_mode_of_its_parent_cluster_and_an_IDRef_takes_the_collection_entry_under_its_own_elements()
    {
        var result = Read("""
            <item identifier="A" identifierref="R"><imsss:sequencing IDRef="shared"><imsss:deliveryControls tracked="true"/></imsss:sequencing></item>
            <item identifier="B"><title>Cluster</title>
              <item identifier="B1" identifierref="R"><imsss:sequencing IDRef="shared"><imsss:rollupRules rollupObjectiveSatisfied="true"/></imsss:sequencing></item>
              <imsss:sequencing><imsss:controlMode choice="false" flow="true" forwardOnly="true"/></imsss:sequencing>
            </item>
            <imsss:sequencing><imsss:controlMode flow="true"/></imsss:sequencing>
            """, """
            <imsss:sequencingCollection><imsss:sequencing ID="shared">
              <imsss:rollupRules rollupObjectiveSatisfied="false" rollupProgressCompletion="false"/>
              <imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="attemptLimitExceeded"/></imsss:ruleConditions><imsss:ruleAction action="disabled"/></imsss:preConditionRule></imsss:sequencingRules>
            </imsss:sequencing></imsss:sequencingCollection>
            """);

        Assert.Empty(result.Problems);
        var (a, b1) = (result.Manifest!.Items[0].Sequencing!, result.Manifest.Items[1].Sequencing!);
        Assert.Equal(new ScormControlMode(Choice: true, Flow: true), a.Parent);
        Assert.Equal(new ScormControlMode(Choice: false, Flow: true, ForwardOnly: true), b1.Parent);
        Assert.False(a.Contributes); // the collection's rollupRules; its own deliveryControls say tracked
        Assert.True(b1.Contributes); // its own rollupRules replace the collection's
        Assert.Equal(ScormRuleCondition.Unsupported, Assert.Single(Assert.Single(a.Preconditions).Conditions).Condition);
    }

    [Fact]
    public void Sequencing_that_changes_nothing_is_not_kept_and_a_SCORM_12_manifest_has_none()
    {
        Assert.Null(Read("""<item identifier="A" identifierref="R"><imsss:sequencing><imsss:controlMode choice="true"/><imsss:objectives><imsss:primaryObjective objectiveID="p"/></imsss:objectives></imsss:sequencing></item>""").Manifest!.Items[0].Sequencing);

        var twelve = Head.Replace("2004 4th Edition", "1.2", StringComparison.Ordinal).Replace("adlcp_v1p3", "adlcp_rootv1p2", StringComparison.Ordinal);
        var result = ScormManifestReader.Read(new Dictionary<string, byte[]>
        {
            ["imsmanifest.xml"] = Encoding.UTF8.GetBytes(twelve + """<organizations default="O"><organization identifier="O"><title>T</title><item identifier="A" identifierref="R"/><imsss:sequencing><imsss:controlMode choice="false" flow="true"/></imsss:sequencing></organization></organizations><resources><resource identifier="R" type="webcontent" adlcp:scormtype="sco" href="a.html"/></resources></manifest>"""),
            ["a.html"] = "x"u8.ToArray(),
        });
        Assert.Null(result.Manifest!.Items[0].Sequencing);
    }

    [Fact]
    public void Values_the_schema_does_not_allow_are_problems_naming_the_element()
    {
        var result = Read("""
            <item identifier="A" identifierref="R"><imsss:sequencing>
              <imsss:controlMode flow="yes"/>
              <imsss:sequencingRules><imsss:preConditionRule><imsss:ruleConditions conditionCombination="some"><imsss:ruleCondition condition="finished"/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule>
              <imsss:preConditionRule><imsss:ruleConditions><imsss:ruleCondition condition="objectiveMeasureGreaterThan" measureThreshold="2"/></imsss:ruleConditions><imsss:ruleAction action="skip"/></imsss:preConditionRule></imsss:sequencingRules>
              <imsss:objectives><imsss:objective><imsss:mapInfo targetObjectiveID="g"/></imsss:objective></imsss:objectives>
            </imsss:sequencing></item>
            """);

        Assert.Null(result.Manifest);
        Assert.Equal([
            "<objective> needs an objectiveID attribute",
            "<ruleConditions conditionCombination=\"some\">: expected 'all' or 'any'",
            "measureThreshold is '2'; expected a number from -1 to 1",
        ], result.Problems.Select(p => p.Message).Where(m => !m.Contains("flow", StringComparison.Ordinal)));
        Assert.DoesNotContain(result.Problems, p => p.Message.Contains("finished", StringComparison.Ordinal)); // its rule was refused already for the combination
        Assert.Equal(3, Assert.Single(result.Problems, p => p.Message == "<controlMode flow=\"yes\">: expected true or false").Line);
    }

    [Fact]
    public void Forward_only_refuses_earlier_parts_and_previous()
    {
        var nav = Navigator([Part(1, new ScormControlMode(Flow: true, ForwardOnly: true)), Part(2, new ScormControlMode(Flow: true, ForwardOnly: true)), Part(3, new ScormControlMode(Flow: true, ForwardOnly: true))], [], current: 2);

        Assert.Equal(ScormRefusal.Backward, nav.WhyNotChoose(1));
        Assert.Null(nav.WhyNotChoose(3));
        Assert.Null(nav.Previous(2));
        Assert.Equal(3, nav.Continue(2));
    }

    [Fact]
    public void Without_choice_parts_open_in_flow_order_only()
    {
        var mode = new ScormControlMode(Choice: false, Flow: true);
        var nav = Navigator([Part(1, mode), Part(2, mode), Part(3, mode)], [], current: null);

        Assert.Equal(1, nav.Start());
        Assert.Equal(ScormRefusal.NotChoosable, nav.WhyNotChoose(3));
        Assert.Equal(2, nav.Continue(1));
        Assert.Equal(1, nav.Previous(2));
    }

    [Fact]
    public void Rules_act_only_when_their_conditions_are_true_not_while_a_status_is_unknown()
    {
        ScormSco Locked(params ScormCondition[] conditions) => Part(2, ScormControlMode.Default,
            [new ScormPrecondition(conditions, ScormRuleAction.Disabled)]);

        // "not satisfied" of a part with no result yet is unknown: the rule does not fire.
        Assert.False(Navigator([Part(1), Locked(new ScormCondition(ScormRuleCondition.Satisfied, Not: true))], [], null).Access(2).Disabled);
        Assert.True(Navigator([Part(1), Locked(new ScormCondition(ScormRuleCondition.Satisfied, Not: true))], [Row(2, success: "failed")], null).Access(2).Disabled);
        Assert.True(Navigator([Part(1), Locked(new ScormCondition(ScormRuleCondition.ObjectiveStatusKnown, Not: true))], [], null).Access(2).Disabled);
        Assert.True(Navigator([Part(1), Locked(new ScormCondition(ScormRuleCondition.Attempted))], [], current: 2).Access(2).Disabled);
        Assert.False(Navigator([Part(1), Locked(new ScormCondition(ScormRuleCondition.Unsupported, Not: true))], [], null).Access(2).Disabled);
        Assert.True(Navigator([Part(1), Locked(new ScormCondition(ScormRuleCondition.Completed), new ScormCondition(ScormRuleCondition.Always))], [Row(2, completion: "completed")], null).Access(2).Disabled);
        Assert.False(Navigator([Part(1), Locked(new ScormCondition(ScormRuleCondition.Completed), new ScormCondition(ScormRuleCondition.Always))], [Row(2, completion: "incomplete")], null).Access(2).Disabled);
    }

    [Fact]
    public void A_part_can_be_gated_on_another_parts_reported_objective_and_skipped_on_a_measure()
    {
        // Part 1 reports objective "hand-hygiene" in cmi.objectives and writes it to global g-hh; part 2 reads it. Part 3 is
        // skipped when its own measure is above 0.8; part 4 is satisfied by measure (at least 0.5) and writes that to g-m.
        var sco1 = Part(1, objectives: [new ScormObjective("hand-hygiene", false, WriteSatisfiedTo: "g-hh", ReadSatisfiedFrom: "g-hh")]);
        var sco2 = Part(2, rules: [new ScormPrecondition([new ScormCondition(ScormRuleCondition.Satisfied, true, "hh"), new ScormCondition(ScormRuleCondition.ObjectiveStatusKnown, true, "hh")], ScormRuleAction.Disabled, Any: true)],
            objectives: [new ScormObjective("hh", false, ReadSatisfiedFrom: "g-hh"), new ScormObjective("m", false, ReadSatisfiedFrom: "g-m")]);
        var sco3 = Part(3, rules: [new ScormPrecondition([new ScormCondition(ScormRuleCondition.ObjectiveMeasureGreaterThan, Threshold: 0.8m)], ScormRuleAction.Skip)]);
        var sco4 = Part(4, rules: [new ScormPrecondition([new ScormCondition(ScormRuleCondition.Satisfied, Objective: "m")], ScormRuleAction.HiddenFromChoice)],
            objectives: [new ScormObjective("m", true, WriteSatisfiedTo: "g-m") { SatisfiedByMeasure = 0.5m }]);
        ScormSco[] scos = [sco1, sco2, sco3, sco4];

        Assert.True(Navigator(scos, [], null).Access(2).Disabled);
        var reported = Row(1, completion: "completed");
        reported.CmiJson = """{"cmi.objectives.0.id":"intro","cmi.objectives.1.id":"hand-hygiene","cmi.objectives.1.success_status":"passed"}""";
        var nav = Navigator(scos, [reported, Row(3, score: 0.85m), Row(4, success: "failed", score: 0.6m)], current: 1);

        Assert.False(nav.Access(2).Disabled);
        Assert.Equal(new ScormPartAccess(Skipped: true, Disabled: false, HiddenFromChoice: false), nav.Access(3));
        Assert.False(nav.Needed(3));
        Assert.Equal(ScormRefusal.NotChoosable, nav.WhyNotChoose(4)); // satisfied by its measure although the SCO said failed
        Assert.Equal(2, nav.Continue(1));
        Assert.Equal(4, nav.Continue(2)); // flow passes over the skipped part 3 and reaches part 4, hidden from choice only
    }

    private static ScormNavigator Navigator(ScormSco[] scos, ScormScoProgress[] rows, int? current) => new(scos, rows, current);

    private static ScormSco Part(int position, ScormControlMode? parent = null, ScormPrecondition[]? rules = null, ScormObjective[]? objectives = null) => new()
    {
        Position = position, Identifier = $"P{position}", Title = $"Part {position}", LaunchPath = "a.html",
        SequencingJson = new ScormSequencing(parent ?? new ScormControlMode(Flow: true), rules ?? [], objectives ?? []).ToJson(),
    };

    private static ScormScoProgress Row(int position, string? completion = null, string? success = null, decimal? score = null) =>
        new() { Position = position, CompletionStatus = completion, SuccessStatus = success, ScoreScaled = score };
}

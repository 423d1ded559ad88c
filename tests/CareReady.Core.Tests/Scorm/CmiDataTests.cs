using System.Text.Json;
using CareReady.Core.Learning;
using CareReady.Core.Scorm;

namespace CareReady.Core.Tests.Scorm;

public class CmiDataTests
{
    [Theory]
    [InlineData("passed", true)]
    [InlineData("completed", true)]
    [InlineData("failed", false)]
    [InlineData("incomplete", false)]
    [InlineData("browsed", false)]
    [InlineData("not attempted", false)]
    public void Scorm12_counts_passed_and_completed_only(string status, bool counts) =>
        Assert.Equal(counts, new CmiData(ScormEdition.Scorm12, new Dictionary<string, string> { ["cmi.core.lesson_status"] = status }).Counts);

    [Theory]
    [InlineData("completed", "passed", true)]
    [InlineData("completed", "unknown", true)]
    [InlineData("completed", "", true)]
    [InlineData("completed", "failed", false)]
    [InlineData("incomplete", "passed", false)]
    [InlineData("unknown", "unknown", false)]
    public void Scorm2004_counts_completed_and_not_failed(string completion, string success, bool counts) =>
        Assert.Equal(counts, new CmiData(ScormEdition.Scorm2004, new Dictionary<string, string>
        {
            ["cmi.completion_status"] = completion, ["cmi.success_status"] = success,
        }).Counts);

    [Fact]
    public void The_scaled_score_comes_from_scaled_in_2004_and_from_raw_min_max_otherwise()
    {
        Assert.Equal(0.75m, new CmiData(ScormEdition.Scorm2004, new Dictionary<string, string> { ["cmi.score.scaled"] = "0.75", ["cmi.score.raw"] = "10" }).ScoreScaled);
        Assert.Equal(0.5m, new CmiData(ScormEdition.Scorm12, new Dictionary<string, string> { ["cmi.core.score.raw"] = "15", ["cmi.core.score.min"] = "10", ["cmi.core.score.max"] = "20" }).ScoreScaled);
        Assert.Null(new CmiData(ScormEdition.Scorm12, new Dictionary<string, string> { ["cmi.core.score.raw"] = "" }).ScoreScaled);
    }

    [Fact]
    public void A_relaunch_supplies_location_suspend_data_and_status_and_says_resume_only_after_a_suspend()
    {
        var suspended = new CmiData(ScormEdition.Scorm12, new Dictionary<string, string>
        {
            ["cmi.core.lesson_location"] = "p4", ["cmi.suspend_data"] = "x", ["cmi.core.lesson_status"] = "incomplete", ["cmi.core.exit"] = "suspend",
            ["cmi.core.session_time"] = "00:01:00", ["cmi.launch_data"] = "",
        }).ResumeValues("E123", "Okafor, Amara", ElearningPreferencesView.Default, TimeSpan.FromMinutes(4));
        Assert.Equal(new Dictionary<string, string>
        {
            ["cmi.core.lesson_location"] = "p4", ["cmi.suspend_data"] = "x", ["cmi.core.lesson_status"] = "incomplete",
            ["cmi.core.student_id"] = "E123", ["cmi.core.student_name"] = "Okafor, Amara", ["cmi.core.entry"] = "resume",
            ["cmi.core.total_time"] = "00:04:00", ["cmi.student_preference.language"] = "en-GB", ["cmi.student_preference.audio"] = "0",
        }, suspended);

        var fresh = new CmiData(ScormEdition.Scorm2004, new Dictionary<string, string>()).ResumeValues("E123", "Okafor, Amara", new ElearningPreferencesView("cy-GB", false));
        Assert.Equal(("ab-initio", "PT0S", "cy-GB", "0"), (fresh["cmi.entry"], fresh["cmi.total_time"], fresh["cmi.learner_preference.language"], fresh["cmi.learner_preference.audio_level"]));
        var exited = new CmiData(ScormEdition.Scorm2004, new Dictionary<string, string> { ["cmi.location"] = "q2", ["cmi.exit"] = "normal" })
            .ResumeValues("E1", "A, B", ElearningPreferencesView.Default);
        Assert.Equal(("q2", "", "1"), (exited["cmi.location"], exited["cmi.entry"], exited["cmi.learner_preference.audio_level"]));
    }

    [Fact]
    public void A_commit_keeps_cmi_values_as_text_skips_other_keys_and_empty_lists_and_refuses_nested_values()
    {
        var (values, problem) = CmiData.Parse(JsonDocument.Parse("""{"cmi.core.lesson_status":"passed","cmi.core.score.raw":90,"cmi.interactions":[],"commitSequence":3,"cmi.core.exit":null}""").RootElement);
        Assert.Null(problem);
        Assert.Equal(new Dictionary<string, string> { ["cmi.core.lesson_status"] = "passed", ["cmi.core.score.raw"] = "90", ["cmi.core.exit"] = "" }, values);

        Assert.Equal("cmi.objectives: expected a text, number or true/false value, found object",
            CmiData.Parse(JsonDocument.Parse("""{"cmi.objectives":{"0":"x"}}""").RootElement).Problem);
        Assert.StartsWith("the body must be a JSON object", CmiData.Parse(JsonDocument.Parse("[]").RootElement).Problem, StringComparison.Ordinal);
    }
}

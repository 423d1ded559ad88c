using CareReady.Core.Learning;
using CareReady.Core.Learning.Packages;

namespace CareReady.Core.Tests.Learning.Packages;

/// <summary>Every rule of docs/content-packages.md, each broken on its own, and all of them at once.</summary>
public class PackageValidatorTests
{
    [Fact]
    public void A_good_package_becomes_a_module_version_with_everything_in_it()
    {
        var validation = TestPackages.Validate(TestPackages.Good());

        Assert.True(validation.IsValid, string.Join("\n", validation.Problems));
        Assert.Equal("TEST-MODULE", validation.ModuleCode);
        var v = validation.Content!;
        Assert.Equal(("A test module", "What the test module covers.", 20, 75, 2, 2, "The fire safety adviser"),
            (v.Title, v.Summary, v.EstimatedMinutes, v.PassMarkPercent, v.AttemptLimit, v.QuestionsPerOutcome, v.Contact));
        Assert.Equal([(1, "First lesson"), (2, "Second lesson")], v.Lessons.Select(l => (l.Position, l.Title)));
        Assert.StartsWith("## Why", v.Lessons[0].Markdown, StringComparison.Ordinal);
        Assert.Equal([("LO1", "Explain the first thing"), ("LO2", "Describe the second thing")], v.Outcomes.Select(o => (o.Code, o.Text)));
        Assert.Equal([TestPackages.Competencies["CSTF-FIRE-1"]], v.Confers.Select(c => c.CompetencyId));
        Assert.Equal([("Regulatory Reform (Fire Safety) Order 2005", "2005")], v.Guidelines.Select(g => (g.Source, g.Version)));
        Assert.Equal([("media/diagram.svg", "image/svg+xml")], v.Media.Select(m => (m.Path, m.ContentType)));

        Assert.Equal(["Q1", "Q2", "Q3", "Q4", "Q5"], v.Questions.Select(q => q.Key));
        Assert.Equal([QuestionType.Single, QuestionType.Multiple, QuestionType.TrueFalse, QuestionType.Numeric, QuestionType.Ordering], v.Questions.Select(q => q.Type));
        Assert.Equal([new QuestionOption("Heat, fuel and oxygen", true), new QuestionOption("Heat, smoke and fuel", false)], v.Questions[0].Options);
        Assert.Equal(2, v.Questions[1].Options.Count(o => o.Correct));
        Assert.False(v.Questions[2].TrueFalseAnswer);
        Assert.Equal((25m, 5m, "seconds"), (v.Questions[3].NumericAnswer!.Value, v.Questions[3].Tolerance!.Value, v.Questions[3].Unit));
        Assert.Equal(["Raise the alarm", "Call the emergency number", "Evacuate"], v.Questions[4].Items);
        Assert.Equal("Never, unless it is an evacuation lift.", v.Questions[2].Feedback);
    }

    [Fact]
    public void Defaults_apply_when_the_assessment_leaves_them_out()
    {
        var files = TestPackages.Good()
            .With("module.yaml", "  passMark: 75\n  attemptLimit: 2\n  questionsPerOutcome: 2\n", "")
            .With("module.yaml", "  contact: \"The fire safety adviser\"\n", "");

        var v = TestPackages.Validate(files).Content!;

        Assert.Equal((80, 3, 2, (string?)null), (v.PassMarkPercent, v.AttemptLimit, v.QuestionsPerOutcome, v.Contact));
    }

    [Fact]
    public void YAML_that_cannot_be_read_is_reported_with_its_line()
    {
        var files = TestPackages.Good().With("questions.yaml", "    feedback: Alarm first.", "    feedback: [Alarm first.");

        Assert.Equal(["questions.yaml line 43: the YAML cannot be read: While parsing a flow sequence, did not find expected ',' or ']'."],
            TestPackages.Validate(files).Messages());
    }

    [Theory]
    // module.yaml, field by field
    [InlineData("module.yaml", "format: careready-module/1", "format: careready-module/2", "module.yaml line 1: 'format' must be exactly careready-module/1 (found \"careready-module/2\")")]
    [InlineData("module.yaml", "code: TEST-MODULE", "code: test module", "module.yaml line 2: 'code' may hold only capital letters A–Z, digits and '-' (found \"test module\")")]
    [InlineData("module.yaml", "title: A test module\n", "", "module.yaml line 1: 'title' is required")]
    [InlineData("module.yaml", "estimatedMinutes: 20", "estimatedMinutes: 601", "module.yaml line 6: 'estimatedMinutes' must be a whole number from 1 to 600 (found \"601\")")]
    [InlineData("module.yaml", "estimatedMinutes: 20", "estimatedMinutes: twenty", "module.yaml line 6: 'estimatedMinutes' must be a whole number from 1 to 600 (found \"twenty\")")]
    [InlineData("module.yaml", "confers:\n  - competency: CSTF-FIRE-1", "confers: []", "module.yaml line 7: 'confers' needs at least one competency")]
    [InlineData("module.yaml", "competency: CSTF-FIRE-1", "competency: CSTF-FIRE-9", "module.yaml line 8: confers: \"CSTF-FIRE-9\" is not a competency code in the catalogue (e.g. CSTF-FIRE-1, AIDHT-D1-L2)")]
    [InlineData("module.yaml", "  - competency: CSTF-FIRE-1", "  - competency: CSTF-FIRE-1\n  - competency: cstf-fire-1", "module.yaml line 9: confers: \"cstf-fire-1\" is listed more than once")]
    [InlineData("module.yaml", "    version: \"2005\"\n", "", "module.yaml line 10: guidelines: 'version' is required")]
    [InlineData("module.yaml", "file: lessons/02-second.md", "file: lessons/03-third.md", "module.yaml line 16: lesson \"Second lesson\": the file lessons/03-third.md is not in the package")]
    [InlineData("module.yaml", "file: lessons/02-second.md", "file: second.md", "module.yaml line 16: lesson \"Second lesson\": 'file' must name a Markdown file in the lessons folder, like lessons/01-introduction.md (found \"second.md\")")]
    [InlineData("module.yaml", "passMark: 75", "passMark: 0", "module.yaml line 18: assessment: 'passMark' must be a whole number from 1 to 100 (found \"0\")")]
    [InlineData("module.yaml", "attemptLimit: 2", "attemptLimit: 11", "module.yaml line 19: assessment: 'attemptLimit' must be a whole number from 1 to 10 (found \"11\")")]
    [InlineData("module.yaml", "questionsPerOutcome: 2", "questionsPerOutcome: 3", "module.yaml line 23: outcome \"LO1\" has 2 questions in questions.yaml; questionsPerOutcome is 3, so it needs at least 3")]
    [InlineData("module.yaml", "      text: Describe the second thing", "      text: Describe the second thing\n    - code: LO1\n      text: Again", "module.yaml line 27: outcome \"LO1\": the code is used by another outcome (line 23); codes must be unique")]
    [InlineData("module.yaml", "summary: >", "sumary: >", "module.yaml line 1: 'summary' is required", "module.yaml line 4: unknown field 'sumary' (expected 'format', 'code', 'title', 'summary', 'estimatedMinutes', 'confers', 'guidelines', 'lessons', 'assessment')")]
    [InlineData("module.yaml", "title: A test module", "title: [A, list]", "module.yaml line 3: 'title' must be text, not a list")]
    // questions.yaml, per type
    [InlineData("questions.yaml", "    correct: true\n      - text: Heat, smoke and fuel", "    correct: true\n      - text: Heat, smoke and fuel\n        correct: true", "questions.yaml line 6: question \"Q1\": a single-choice question needs exactly one correct option (found 2)")]
    [InlineData("questions.yaml", "      - text: Heat, smoke and fuel\n", "", "questions.yaml line 6: question \"Q1\": a single-choice question needs at least 2 options")]
    [InlineData("questions.yaml", "correct: true }\n      - { text: Smoking materials, correct: true }", "correct: false }\n      - { text: Smoking materials }", "questions.yaml line 15: question \"Q2\": a multiple-choice question needs at least one correct option ('correct: true')")]
    [InlineData("questions.yaml", "{ text: A closed fire door }", "{ text: Smoking materials }", "questions.yaml line 15: question \"Q2\": the option \"Smoking materials\" appears more than once; each option must differ")]
    [InlineData("questions.yaml", "- { text: Smoking materials, correct: true }", "- { text: Smoking materials, correct: yes }", "questions.yaml line 17: question \"Q2\", option 2: 'correct' must be true or false (found \"yes\")")]
    [InlineData("questions.yaml", "    answer: false\n", "", "questions.yaml line 20: question \"Q3\": 'answer' is required")]
    [InlineData("questions.yaml", "    answer: false", "    answer: maybe", "questions.yaml line 24: question \"Q3\": 'answer' must be true or false (found \"maybe\")")]
    [InlineData("questions.yaml", "    answer: 25", "    answer: about 25", "questions.yaml line 30: question \"Q4\": 'answer' must be a number with at most 6 decimal places (found \"about 25\")")]
    [InlineData("questions.yaml", "    tolerance: 5", "    tolerance: -1", "questions.yaml line 31: question \"Q4\": 'tolerance' must be a number ≥ 0 with at most 6 decimal places (found \"-1\")")]
    [InlineData("questions.yaml", "      - Call the emergency number\n      - Evacuate\n", "", "questions.yaml line 38: question \"Q5\": an ordering question needs 2 to 8 items (found 1)")]
    [InlineData("questions.yaml", "      - Evacuate\n", "      - Evacuate\n      - Evacuate\n", "questions.yaml line 38: question \"Q5\": the item \"Evacuate\" appears more than once; each item must differ")]
    [InlineData("questions.yaml", "    type: truefalse", "    type: yesno", "questions.yaml line 22: question \"Q3\": 'type' must be one of single, multiple, truefalse, numeric, ordering (found \"yesno\")")]
    [InlineData("questions.yaml", "    answer: false", "    answer: false\n    options:\n      - text: x", "questions.yaml line 25: question \"Q3\": 'options' is not used by a truefalse question")]
    [InlineData("questions.yaml", "    feedback: About 25 seconds.\n", "", "questions.yaml line 26: question \"Q4\": 'feedback' is required")]
    [InlineData("questions.yaml", "  - id: Q2", "  - id: Q1", "questions.yaml line 11: question \"Q1\": the id is used by another question (line 2); ids must be unique")]
    [InlineData("questions.yaml", "    outcome: LO2\n    type: truefalse", "    outcome: LO3\n    type: truefalse", "questions.yaml line 21: question \"Q3\": outcome \"LO3\" is not one of the outcomes in module.yaml (LO1, LO2)")]
    [InlineData("questions.yaml", "    unit: seconds", "    units: seconds", "questions.yaml line 32: question \"Q4\": unknown field 'units' (expected 'id', 'outcome', 'type', 'text', 'options', 'answer', 'tolerance', 'unit', 'items', 'feedback')")]
    // lessons
    [InlineData("lessons/01-first.md", "![A circle](media/diagram.svg)", "![](media/diagram.svg)", "lessons/01-first.md line 5: the image \"media/diagram.svg\" needs alt text describing it: ![what the image shows](media/diagram.svg)")]
    [InlineData("lessons/01-first.md", "![A circle](media/diagram.svg)", "![A square](media/square.png)", "lessons/01-first.md line 5: the image \"media/square.png\" is not in the package")]
    [InlineData("lessons/01-first.md", "![A circle](media/diagram.svg)", "![A circle](https://example.com/c.png)", "lessons/01-first.md line 5: the image \"https://example.com/c.png\" must be a file in the package's media folder, not a web address")]
    [InlineData("lessons/01-first.md", "[leaflet](media/diagram.svg)", "[leaflet](../media/leaflet.pdf)", "lessons/01-first.md line 3: the link \"../media/leaflet.pdf\" points to \"../media/leaflet.pdf\", which is not in the package (paths are from the top of the package, e.g. media/leaflet.pdf)")]
    [InlineData("lessons/01-first.md", "(https://www.nhs.uk/)", "(javascript:alert(1))", "lessons/01-first.md line 3: the link \"javascript:alert(1)\" must start with https:// (or mailto:), or point to a file in the package")]
    [InlineData("lessons/02-second.md", "> [!NOTE]\n> A callout.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n", "", "lessons/02-second.md: the file is empty")]
    // media
    [InlineData("media/diagram.svg", "<circle", "<script>alert(1)</script><circle onclick=\"x()\"", "media/diagram.svg: an SVG image may not contain a <script> element, an event handler (onclick)")]
    public void Each_rule_is_reported_with_its_file_and_line(string path, string old, string replacement, params string[] expected)
    {
        var files = TestPackages.Good().With(path, old, replacement);

        Assert.Equal(expected, TestPackages.Validate(files).Messages());
    }

    [Fact]
    public void Every_problem_is_listed_not_just_the_first_and_nothing_is_built()
    {
        var files = TestPackages.Good()
            .With("module.yaml", "estimatedMinutes: 20", "estimatedMinutes: 0")
            .With("module.yaml", "competency: CSTF-FIRE-1", "competency: NOPE")
            .With("questions.yaml", "    answer: false", "    answer: perhaps")
            .With("lessons/01-first.md", "![A circle]", "![]");
        files.Remove("lessons/02-second.md");

        var validation = TestPackages.Validate(files);

        Assert.Null(validation.Content);
        Assert.Equal(
        [
            "module.yaml line 6: 'estimatedMinutes' must be a whole number from 1 to 600 (found \"0\")",
            "module.yaml line 8: confers: \"NOPE\" is not a competency code in the catalogue (e.g. CSTF-FIRE-1, AIDHT-D1-L2)",
            "module.yaml line 16: lesson \"Second lesson\": the file lessons/02-second.md is not in the package",
            "questions.yaml line 24: question \"Q3\": 'answer' must be true or false (found \"perhaps\")",
            "lessons/01-first.md line 5: the image \"media/diagram.svg\" needs alt text describing it: ![what the image shows](media/diagram.svg)",
        ], validation.Messages());
    }

    [Fact]
    public void Missing_manifest_and_question_bank_are_reported()
    {
        var files = TestPackages.Good();
        files.Remove("module.yaml");
        files.Remove("questions.yaml");

        Assert.Equal(
        [
            "module.yaml: is missing: every package needs its manifest, module.yaml, at the top of the zip",
            "questions.yaml: is missing: every package needs its question bank, questions.yaml, at the top of the zip",
        ], TestPackages.Validate(files).Messages());
    }

    [Theory]
    [InlineData("questions:\n  - &q\n    id: Q9\n  - *q\n", "questions.yaml line 2: YAML anchors (&name) are not allowed in a package; write the value out")]
    [InlineData("questions: []\n---\nquestions: []\n", "questions.yaml line 2: the file holds more than one YAML document ('---'); a package file holds one")]
    [InlineData("- just a list\n", "questions.yaml line 1: the file must be a set of 'name: value' fields at the top level")]
    [InlineData("questions:\n  - id: Q1\n    id: Q2\n", "questions.yaml line 3: the YAML cannot be read: a field appears twice in the same place")]
    public void Unsafe_or_malformed_YAML_is_refused_before_it_is_used(string questions, string expected)
    {
        var files = TestPackages.Good();
        files["questions.yaml"] = questions;

        Assert.Equal([expected], TestPackages.Validate(files).Messages());
    }

    [Fact]
    public void Deeply_nested_YAML_is_refused_without_building_it()
    {
        var files = TestPackages.Good();
        files["questions.yaml"] = "questions: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        Assert.Contains("questions.yaml line 1: the YAML is nested more than 16 levels deep", TestPackages.Validate(files).Messages());
    }
}

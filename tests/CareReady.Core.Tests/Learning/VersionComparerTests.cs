using CareReady.Core.Learning;
using CareReady.Core.Learning.Authoring;

namespace CareReady.Core.Tests.Learning;

public class VersionComparerTests
{
    private static ModuleVersion Version(int number) => new()
    {
        Number = number, Title = "Fire safety", Summary = "Alarms.", EstimatedMinutes = 20, CreatedBy = "test",
        Lessons =
        [
            new ModuleLesson { Position = 1, Title = "Why", Markdown = "Fires start fast.\nRaise the alarm." },
            new ModuleLesson { Position = 2, Title = "Triangle", Markdown = "Heat, fuel, oxygen." },
        ],
        Outcomes = [new LearningOutcome { Position = 1, Code = "LO1", Text = "Explain the triangle" }],
        Questions =
        [
            new Question { Position = 1, Key = "Q1", OutcomeCode = "LO1", Type = QuestionType.Single, Text = "Which?", Feedback = "Heat.",
                Options = [new("Heat, fuel, oxygen", true), new("Smoke", false)] },
            new Question { Position = 2, Key = "Q2", OutcomeCode = "LO1", Type = QuestionType.Numeric, Text = "Seconds?", Feedback = "25.", NumericAnswer = 25, Tolerance = 5, Unit = "seconds" },
        ],
        Confers = [new ModuleConferral { CompetencyId = 1 }],
    };

    private static string Label(int id) => "C" + id;

    [Fact]
    public void A_copy_has_no_changes()
    {
        var a = Version(1);
        var b = NewDraftVersion.Copy(a, 2, "someone", DateTime.UnixEpoch);
        Assert.False(VersionComparer.Compare(a, b, Label).HasChanges);
    }

    [Fact]
    public void Details_lessons_questions_outcomes_and_conferrals_are_reported()
    {
        var a = Version(1);
        var b = NewDraftVersion.Copy(a, 2, "someone", DateTime.UnixEpoch);
        b.PassMarkPercent = 90;
        b.Lessons[0].Markdown = "Fires start fast.\nShout FIRE and raise the alarm.";
        b.Lessons[1].Title = "The fire triangle";
        b.Lessons.Add(new ModuleLesson { Position = 3, Title = "Evacuation", Markdown = "Go." });
        b.Questions[0].Options = [new("Heat, fuel, oxygen", false), new("Smoke", true)];
        b.Questions.RemoveAt(1);
        b.Questions.Add(new Question { Position = 3, Key = "Q3", OutcomeCode = "LO2", Type = QuestionType.TrueFalse, Text = "Lifts?", Feedback = "No.", TrueFalseAnswer = false });
        b.Outcomes.Add(new LearningOutcome { Position = 2, Code = "LO2", Text = "Evacuate" });
        b.Confers = [new ModuleConferral { CompetencyId = 2 }];

        var diff = VersionComparer.Compare(a, b, Label);

        Assert.Equal(new FieldChange("Pass mark (%)", "80", "90"), Assert.Single(diff.Details));
        Assert.Equal(3, diff.Lessons.Count);
        var why = diff.Lessons[0];
        Assert.Equal((ChangeKind.Changed, "Why"), (why.Kind, why.Title));
        Assert.Equal([(DiffKind.Deleted, "Raise the alarm."), (DiffKind.Inserted, "Shout FIRE and raise the alarm.")],
            why.Lines.Where(l => l.Kind != DiffKind.Same).Select(l => (l.Kind, l.Text)).ToArray());
        Assert.Equal((ChangeKind.Changed, "Renamed from “Triangle”"), (diff.Lessons[1].Kind, diff.Lessons[1].Note));
        Assert.False(LineDiff.HasChanges(diff.Lessons[1].Lines));
        Assert.Equal((ChangeKind.Added, "Evacuation"), (diff.Lessons[2].Kind, diff.Lessons[2].Title));

        var questions = diff.Questions.ToDictionary(q => q.Key, q => q.Kind);
        Assert.Equal(new Dictionary<string, ChangeKind> { ["Q1"] = ChangeKind.Changed, ["Q2"] = ChangeKind.Removed, ["Q3"] = ChangeKind.Added }, questions);
        var q1 = diff.Questions.Single(q => q.Key == "Q1").Lines.Where(l => l.Kind != DiffKind.Same).Select(l => l.Text).ToArray();
        Assert.Equal(["Option: Heat, fuel, oxygen (correct)", "Option: Smoke", "Option: Heat, fuel, oxygen", "Option: Smoke (correct)"], q1);
        Assert.Contains(diff.Questions.Single(q => q.Key == "Q2").Lines, l => l.Text == "Answer: 25 ± 5 seconds" && l.Kind == DiffKind.Deleted);

        Assert.Equal((ChangeKind.Added, "LO2"), (Assert.Single(diff.Outcomes).Kind, diff.Outcomes[0].Key));
        Assert.Equal(["C2"], diff.ConfersAdded);
        Assert.Equal(["C1"], diff.ConfersRemoved);
    }

    [Fact]
    public void A_moved_lesson_is_matched_by_title_and_noted()
    {
        var a = Version(1);
        var b = NewDraftVersion.Copy(a, 2, "someone", DateTime.UnixEpoch);
        (b.Lessons[0].Position, b.Lessons[1].Position) = (2, 1);
        var diff = VersionComparer.Compare(a, b, Label);
        Assert.Equal(["Moved from lesson 2 to lesson 1", "Moved from lesson 1 to lesson 2"], diff.Lessons.Select(l => l.Note ?? "").ToArray());
    }
}

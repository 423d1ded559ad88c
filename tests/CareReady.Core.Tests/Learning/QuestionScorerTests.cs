using CareReady.Core.Assessments;
using CareReady.Core.Learning;

namespace CareReady.Core.Tests.Learning;

public class QuestionScorerTests
{
    private static Question Make(QuestionType type) => new()
    {
        Key = "Q", OutcomeCode = "LO1", Type = type, Text = "?", Feedback = "!",
        Options = type is QuestionType.Single or QuestionType.Multiple ? [new("a", type == QuestionType.Multiple), new("b", true), new("c", false)] : [],
        TrueFalseAnswer = type == QuestionType.TrueFalse ? false : null,
        NumericAnswer = type == QuestionType.Numeric ? 12.5m : null,
        Tolerance = type == QuestionType.Numeric ? 0.5m : null,
        Items = type == QuestionType.Ordering ? ["first", "second", "third"] : [],
    };

    [Theory]
    [InlineData(QuestionType.Single, "1", true)]
    [InlineData(QuestionType.Single, "0", false)]
    [InlineData(QuestionType.Multiple, "0,1", true)]
    [InlineData(QuestionType.Multiple, "1,0", true)]
    [InlineData(QuestionType.Multiple, "1", false)] // all or nothing
    [InlineData(QuestionType.Multiple, "0,1,2", false)]
    [InlineData(QuestionType.TrueFalse, "false", true)]
    [InlineData(QuestionType.TrueFalse, "true", false)]
    [InlineData(QuestionType.Numeric, "12.5", true)]
    [InlineData(QuestionType.Numeric, "12", true)] // inside the tolerance
    [InlineData(QuestionType.Numeric, "13.0", true)]
    [InlineData(QuestionType.Numeric, "13.01", false)]
    [InlineData(QuestionType.Numeric, "11.9", false)]
    [InlineData(QuestionType.Ordering, "0,1,2", true)]
    [InlineData(QuestionType.Ordering, "1,0,2", false)]
    public void Marks_each_type(QuestionType type, string response, bool correct) =>
        Assert.Equal(correct, QuestionScorer.IsCorrect(Make(type), response));

    [Theory]
    [InlineData(QuestionType.Single, null, "Answer this question")]
    [InlineData(QuestionType.Single, "0,1", "Choose one answer")]
    [InlineData(QuestionType.Single, "7", "Choose from the options shown")]
    [InlineData(QuestionType.Multiple, "", "Select at least one answer")]
    [InlineData(QuestionType.Multiple, "1,1", "Choose from the options shown")]
    [InlineData(QuestionType.TrueFalse, "maybe", "Choose true or false")]
    [InlineData(QuestionType.Numeric, "twelve", "Enter a number, like 12 or 12.5")]
    [InlineData(QuestionType.Numeric, "12,5", "Enter a number, like 12 or 12.5")]
    [InlineData(QuestionType.Ordering, "0,0,1", "Give each item a different position, from 1 to 3")]
    [InlineData(QuestionType.Ordering, "0,1", "Give each item a different position, from 1 to 3")]
    public void Malformed_responses_get_a_message_for_the_learner(QuestionType type, string? response, string message) =>
        Assert.Equal(message, QuestionScorer.Problem(Make(type), [], response));

    [Theory]
    [InlineData(QuestionType.Single, "1")]
    [InlineData(QuestionType.Multiple, "0,2")]
    [InlineData(QuestionType.TrueFalse, "true")]
    [InlineData(QuestionType.Numeric, "-3.25")]
    [InlineData(QuestionType.Ordering, "2,0,1")]
    public void Well_formed_responses_have_no_problem_even_when_wrong(QuestionType type, string response) =>
        Assert.Null(QuestionScorer.Problem(Make(type), [], response));
}

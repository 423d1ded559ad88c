using CareReady.Core.Assessments;
using CareReady.Core.Learning;

namespace CareReady.Core.Tests.Learning;

public class AttemptDrawTests
{
    private static ModuleVersion Bank(int perOutcome) => new()
    {
        Title = "t", Summary = "s", CreatedBy = "test", QuestionsPerOutcome = perOutcome,
        Outcomes = [new() { Position = 1, Code = "LO1", Text = "one" }, new() { Position = 2, Code = "LO2", Text = "two" }, new() { Position = 3, Code = "LO3", Text = "three" }],
        Questions = Enumerable.Range(1, 12).Select(i => new Question
        {
            Id = i, Position = i, Key = "Q" + i, OutcomeCode = "LO" + (i <= 5 ? 1 : i <= 11 ? 2 : 3), Type = i % 2 == 0 ? QuestionType.Single : QuestionType.Ordering,
            Text = "?", Feedback = "!", Options = [new("a", true), new("b", false), new("c", false), new("d", false)], Items = ["1", "2", "3"],
        }).ToList(),
    };

    [Fact]
    public void Draws_the_configured_number_per_outcome_or_all_of_a_smaller_bank()
    {
        var version = Bank(2);
        for (var seed = 0; seed < 200; seed++)
        {
            var drawn = AttemptDraw.Draw(version, new Random(seed));
            Assert.Equal(2, drawn.Count(d => d.Question.OutcomeCode == "LO1"));
            Assert.Equal(2, drawn.Count(d => d.Question.OutcomeCode == "LO2"));
            Assert.Single(drawn, d => d.Question.OutcomeCode == "LO3"); // its bank has one question
            Assert.Equal(drawn.Count, drawn.Select(d => d.Question.Key).Distinct().Count());
        }
    }

    [Fact]
    public void Options_are_shuffled_permutations_and_ordering_is_never_shown_already_in_order()
    {
        var version = Bank(5);
        var firstPositions = new HashSet<int>();
        var questionOrders = new HashSet<string>();
        for (var seed = 0; seed < 200; seed++)
        {
            var drawn = AttemptDraw.Draw(version, new Random(seed));
            questionOrders.Add(string.Join(",", drawn.Select(d => d.Question.Key)));
            foreach (var d in drawn)
            {
                var count = d.Question.Type == QuestionType.Ordering ? 3 : 4;
                Assert.Equal(Enumerable.Range(0, count), d.Presented.Order());
                if (d.Question.Type == QuestionType.Ordering)
                {
                    Assert.NotEqual(Enumerable.Range(0, 3), d.Presented);
                }
                else
                {
                    firstPositions.Add(d.Presented.ToList().IndexOf(0));
                }
            }
        }

        Assert.Equal(4, firstPositions.Count); // the right option turns up in every position
        Assert.True(questionOrders.Count > 100); // question order varies between attempts
    }
}

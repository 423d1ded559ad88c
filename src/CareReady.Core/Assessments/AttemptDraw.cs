using CareReady.Core.Learning;

namespace CareReady.Core.Assessments;

/// <summary>One drawn question and the order its options or items are shown in.</summary>
public sealed record DrawnQuestion(Question Question, IReadOnlyList<int> Presented);

/// <summary>
/// Draws an attempt's questions: <see cref="ModuleVersion.QuestionsPerOutcome"/> at random from each
/// learning outcome's bank (all of them when the bank is smaller), in a shuffled order, with the options
/// of choice questions shuffled and the items of ordering questions shown in an order that is not already
/// the answer.
/// </summary>
public static class AttemptDraw
{
    public static IReadOnlyList<DrawnQuestion> Draw(ModuleVersion version, Random random)
    {
        var drawn = new List<Question>();
        foreach (var outcome in version.Outcomes.OrderBy(o => o.Position))
        {
            var bank = version.Questions.Where(q => q.OutcomeCode == outcome.Code).OrderBy(q => q.Position).ToArray();
            random.Shuffle(bank);
            drawn.AddRange(bank.Take(version.QuestionsPerOutcome));
        }

        var order = drawn.ToArray();
        random.Shuffle(order);
        return order.Select(q => new DrawnQuestion(q, Presentation(q, random))).ToList();
    }

    private static int[] Presentation(Question question, Random random)
    {
        var count = question.Type switch
        {
            QuestionType.Single or QuestionType.Multiple => question.Options.Count,
            QuestionType.Ordering => question.Items.Count,
            _ => 0,
        };
        var order = Enumerable.Range(0, count).ToArray();
        random.Shuffle(order);
        if (question.Type == QuestionType.Ordering && count > 1 && order.SequenceEqual(Enumerable.Range(0, count)))
        {
            (order[0], order[1]) = (order[1], order[0]);
        }

        return order;
    }
}

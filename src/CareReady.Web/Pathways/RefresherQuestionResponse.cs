using CareReady.Core.Learning;
using CareReady.Core.Pathways.Refreshers;
using CareReady.Web.Learning;

namespace CareReady.Web.Pathways;

/// <summary>A refresher question for the API: what to show, never the answer.</summary>
public sealed record RefresherQuestionResponse(
    long CardId, int QuestionId, string QuestionKey, string Module, string Type, string Text, IReadOnlyList<ShownChoice> Options, string? Unit, DateOnly Due, int Reviews)
{
    public static RefresherQuestionResponse From(RefresherQuestion r)
    {
        var q = r.Question;
        var shown = q.Type switch
        {
            QuestionType.Single or QuestionType.Multiple => r.Presented.Select(x => new ShownChoice(x, q.Options[x].Text)).ToList(),
            QuestionType.Ordering => r.Presented.Select(x => new ShownChoice(x, q.Items[x])).ToList(),
            _ => [],
        };
        return new RefresherQuestionResponse(r.CardId, q.Id, q.Key, r.ModuleTitle, q.Type.ToString(), q.Text, shown, q.Unit, r.Due, r.Reviews);
    }
}

public sealed record RefresherSessionResponse(
    DateOnly Today, int AnsweredToday, int SessionSize, int DueNow, bool SessionDone, RefresherQuestionResponse? Next, DateOnly? NextDueAfterToday)
{
    public static RefresherSessionResponse From(RefresherSession s) =>
        new(s.Today, s.AnsweredToday, s.SessionSize, s.DueNow, s.SessionDone, s.Next is null ? null : RefresherQuestionResponse.From(s.Next), s.NextDueAfterToday);
}

public sealed record RefresherAnswerRequest(int QuestionId, string? Response, bool? Sure);

public sealed record RefresherAnswerResponse(bool Correct, string Rating, string CorrectAnswer, string Feedback, DateOnly? PreviousDue, DateOnly NextDue, int IntervalDays);

public sealed record AssignmentRequest(int? StaffMemberId, int? DepartmentId);

public sealed record AssignmentResponse(int AssignmentId, bool AlreadyAssigned);

public sealed record RetentionRequest(double TargetRetention);

public sealed record PathwaySettingsResponse(
    double TargetRetention, bool Fitted, DateTime? FittedAt, int FittedOnReviews, double? LogLossBefore, double? LogLossAfter, IReadOnlyList<string> SafetyCriticalSubjects);

/// <summary>The subject codes to count as safety-critical (an empty list: none).</summary>
public sealed record SafetySubjectsRequest(IReadOnlyList<string?>? SubjectCodes);

/// <summary>The organisation's safety-critical subjects, whether that is the default list, and the default list.</summary>
public sealed record SafetySubjectsResponse(IReadOnlyList<string> SubjectCodes, bool IsDefault, IReadOnlyList<string> DefaultSubjectCodes)
{
    public static SafetySubjectsResponse From(IReadOnlyCollection<string> codes) => new(
        [.. codes.Order(StringComparer.Ordinal)],
        codes.Count == CareReady.Core.Pathways.SafetyCriticalSubjects.Default.Count && codes.All(CareReady.Core.Pathways.SafetyCriticalSubjects.Default.Contains),
        [.. CareReady.Core.Pathways.SafetyCriticalSubjects.Default.Order(StringComparer.Ordinal)]);
}

/// <summary>Log losses are null when there was nothing to measure them on (no reviews yet).</summary>
public sealed record FitResponse(bool Fitted, int Reviews, int MinimumReviews, double? LogLossBefore, double? LogLossAfter);

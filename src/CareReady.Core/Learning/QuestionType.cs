namespace CareReady.Core.Learning;

public enum QuestionType
{
    Single = 0,
    Multiple = 1,
    TrueFalse = 2,
    Numeric = 3,
    Ordering = 4,
}

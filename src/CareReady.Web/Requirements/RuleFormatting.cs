namespace CareReady.Web.Requirements;

public static class RuleFormatting
{
    public static string Refresher(int? months) => months switch
    {
        null => "Does not expire",
        int m when m % 12 == 0 => $"{m / 12} year{(m == 12 ? "" : "s")}",
        int m => $"{m} months",
    };
}

namespace CareReady.Core.Competencies;

/// <summary>
/// Competency codes as a person types them for what a package counts for ("CSTF-FIRE-1, CSTF-IPC-1"): separated by
/// commas, semicolons or lines, trimmed, empty entries dropped. The import form, API and command line read them alike.
/// </summary>
public static class CompetencyCodeList
{
    public static string[] Parse(string? typed) =>
        (typed ?? "").Split([',', ';', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}

namespace CareReady.Core.Learning.Packages;

/// <summary>
/// One thing wrong with a content package, with where it is: the file inside the package
/// (<c>questions.yaml</c>, <c>lessons/02-causes.md</c>; "(package)" for the zip as a whole) and,
/// when known, the 1-based line.
/// </summary>
public sealed record PackageProblem(string Path, int? Line, string Message)
{
    /// <summary>The name used for problems of the package as a whole rather than of one file in it.</summary>
    public const string WholePackage = "(package)";

    public static PackageProblem OfPackage(string message) => new(WholePackage, null, message);

    /// <summary><c>questions.yaml line 42: question "FIRE-Q07": a single-choice question needs exactly one correct option</c>.</summary>
    public override string ToString() => Line is int line ? $"{Path} line {line}: {Message}" : $"{Path}: {Message}";
}

namespace CareReady.Core.Learning.Authoring;

public enum DiffKind
{
    Same,
    Deleted,
    Inserted,
}

/// <summary>One line of a diff, with its line number in the old and/or new text.</summary>
public sealed record DiffLine(DiffKind Kind, string Text, int? OldLine = null, int? NewLine = null);

/// <summary>
/// A line diff by longest common subsequence: the fewest deleted and inserted lines that turn the old
/// text into the new, deletions shown before the insertions that replace them. Common leading and
/// trailing lines are matched first, so the table is only as big as the changed middle; a middle too
/// big to compare line by line (over <see cref="MaxCells"/>) is shown as all deleted then all inserted.
/// </summary>
public static class LineDiff
{
    public const long MaxCells = 4_000_000;

    public static IReadOnlyList<string> Lines(string? text) =>
        string.IsNullOrEmpty(text) ? [] : text.ReplaceLineEndings("\n").TrimEnd('\n').Split('\n');

    public static IReadOnlyList<DiffLine> Compare(string? oldText, string? newText) => Compare(Lines(oldText), Lines(newText));

    public static IReadOnlyList<DiffLine> Compare(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var result = new List<DiffLine>(Math.Max(a.Count, b.Count));
        var start = 0;
        while (start < a.Count && start < b.Count && a[start] == b[start])
        {
            result.Add(new DiffLine(DiffKind.Same, a[start], start + 1, start + 1));
            start++;
        }

        var endA = a.Count;
        var endB = b.Count;
        while (endA > start && endB > start && a[endA - 1] == b[endB - 1])
        {
            endA--;
            endB--;
        }

        Middle(a, b, start, endA, start, endB, result);
        for (var i = endA; i < a.Count; i++)
        {
            result.Add(new DiffLine(DiffKind.Same, a[i], i + 1, endB + (i - endA) + 1));
        }

        return result;
    }

    /// <summary>True when the diff has any deleted or inserted line.</summary>
    public static bool HasChanges(IEnumerable<DiffLine> lines) => lines.Any(l => l.Kind != DiffKind.Same);

    /// <summary>
    /// The changed lines with <paramref name="context"/> unchanged lines either side; a null stands for
    /// unchanged lines left out (shown as "…").
    /// </summary>
    public static IReadOnlyList<DiffLine?> WithContext(IReadOnlyList<DiffLine> lines, int context = 2)
    {
        var keep = new bool[lines.Count];
        for (var i = 0; i < lines.Count; i++)
        {
            if (lines[i].Kind == DiffKind.Same)
            {
                continue;
            }

            for (var j = Math.Max(0, i - context); j <= Math.Min(lines.Count - 1, i + context); j++)
            {
                keep[j] = true;
            }
        }

        var shown = new List<DiffLine?>();
        for (var i = 0; i < lines.Count; i++)
        {
            if (keep[i])
            {
                shown.Add(lines[i]);
            }
            else if (shown.Count == 0 || shown[^1] is not null)
            {
                shown.Add(null);
            }
        }

        return shown;
    }

    private static void Middle(IReadOnlyList<string> a, IReadOnlyList<string> b, int a0, int a1, int b0, int b1, List<DiffLine> result)
    {
        int n = a1 - a0, m = b1 - b0;
        if ((long)(n + 1) * (m + 1) > MaxCells)
        {
            for (var i = a0; i < a1; i++)
            {
                result.Add(new DiffLine(DiffKind.Deleted, a[i], i + 1));
            }

            for (var j = b0; j < b1; j++)
            {
                result.Add(new DiffLine(DiffKind.Inserted, b[j], null, j + 1));
            }

            return;
        }

        // lcs[i, j]: length of the longest common subsequence of a[a0+i..a1) and b[b0+j..b1).
        var lcs = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
        {
            for (var j = m - 1; j >= 0; j--)
            {
                lcs[i, j] = a[a0 + i] == b[b0 + j] ? lcs[i + 1, j + 1] + 1 : Math.Max(lcs[i + 1, j], lcs[i, j + 1]);
            }
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && a[a0 + x] == b[b0 + y])
            {
                result.Add(new DiffLine(DiffKind.Same, a[a0 + x], a0 + x + 1, b0 + y + 1));
                x++;
                y++;
            }
            else if (y >= m || (x < n && lcs[x + 1, y] >= lcs[x, y + 1]))
            {
                result.Add(new DiffLine(DiffKind.Deleted, a[a0 + x], a0 + x + 1));
                x++;
            }
            else
            {
                result.Add(new DiffLine(DiffKind.Inserted, b[b0 + y], null, b0 + y + 1));
                y++;
            }
        }
    }
}

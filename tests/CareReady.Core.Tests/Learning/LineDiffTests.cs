using CareReady.Core.Learning.Authoring;

namespace CareReady.Core.Tests.Learning;

public class LineDiffTests
{
    private static string[] Render(IEnumerable<DiffLine> lines) =>
        lines.Select(l => (l.Kind switch { DiffKind.Inserted => "+", DiffKind.Deleted => "-", _ => " " }) + l.Text).ToArray();

    [Fact]
    public void Identical_texts_are_all_same_lines_with_both_numbers()
    {
        var diff = LineDiff.Compare("a\nb\nc", "a\r\nb\r\nc\n");
        Assert.All(diff, l => Assert.Equal(DiffKind.Same, l.Kind));
        Assert.Equal([1, 2, 3], diff.Select(l => l.OldLine!.Value).ToArray());
        Assert.False(LineDiff.HasChanges(diff));
    }

    [Fact]
    public void A_changed_line_is_deleted_then_inserted_between_unchanged_lines()
    {
        var diff = LineDiff.Compare("one\ntwo\nthree", "one\n2\nthree");
        Assert.Equal([" one", "-two", "+2", " three"], Render(diff));
        Assert.Equal(2, diff[1].OldLine);
        Assert.Equal(2, diff[2].NewLine);
        Assert.Equal((3, 3), (diff[3].OldLine!.Value, diff[3].NewLine!.Value));
    }

    [Fact]
    public void Insertions_and_deletions_are_minimal()
    {
        var diff = LineDiff.Compare("a\nb\nc\nd\ne", "a\nc\nd\nx\ne\nf");
        Assert.Equal([" a", "-b", " c", " d", "+x", " e", "+f"], Render(diff));
    }

    [Fact]
    public void Empty_to_text_is_all_inserted_and_back_is_all_deleted()
    {
        Assert.Equal(["+a", "+b"], Render(LineDiff.Compare("", "a\nb")));
        Assert.Equal(["-a", "-b"], Render(LineDiff.Compare("a\nb", null)));
        Assert.Empty(LineDiff.Compare(null, ""));
    }

    [Fact]
    public void Moved_lines_show_as_removed_and_added()
    {
        Assert.Equal(["-a", " b", " c", "+a"], Render(LineDiff.Compare("a\nb\nc", "b\nc\na")));
    }

    [Fact]
    public void A_huge_changed_middle_falls_back_to_delete_then_insert()
    {
        var a = Enumerable.Range(0, 2100).Select(i => "a" + i).ToList();
        var b = Enumerable.Range(0, 2100).Select(i => "b" + i).ToList();
        var diff = LineDiff.Compare(a, b);
        Assert.Equal(4200, diff.Count);
        Assert.All(diff.Take(2100), l => Assert.Equal(DiffKind.Deleted, l.Kind));
        Assert.All(diff.Skip(2100), l => Assert.Equal(DiffKind.Inserted, l.Kind));
    }

    [Fact]
    public void Context_keeps_lines_near_changes_and_marks_gaps()
    {
        var old = string.Join('\n', Enumerable.Range(1, 10).Select(i => "line " + i));
        var diff = LineDiff.Compare(old, old.Replace("line 8", "line eight", StringComparison.Ordinal));
        var shown = LineDiff.WithContext(diff, 1);
        Assert.Null(shown[0]);
        Assert.Equal(["line 7", "line 8", "line eight", "line 9"], shown.Skip(1).Take(4).Select(l => l!.Text).ToArray());
        Assert.Equal(6, shown.Count);
        Assert.Null(shown[^1]);
    }
}

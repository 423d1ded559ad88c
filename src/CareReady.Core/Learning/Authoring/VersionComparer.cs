using System.Globalization;

namespace CareReady.Core.Learning.Authoring;

public enum ChangeKind
{
    Added,
    Removed,
    Changed,
}

public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>A lesson, outcome, question or media file that was added, removed or changed, with its lines diffed.</summary>
public sealed record ItemChange(ChangeKind Kind, string Key, string Title, string? Note, IReadOnlyList<DiffLine> Lines);

public sealed record VersionDiff(
    int FromNumber, int ToNumber, IReadOnlyList<FieldChange> Details, IReadOnlyList<ItemChange> Lessons, IReadOnlyList<ItemChange> Outcomes,
    IReadOnlyList<ItemChange> Questions, IReadOnlyList<string> ConfersAdded, IReadOnlyList<string> ConfersRemoved,
    IReadOnlyList<string> GuidelinesAdded, IReadOnlyList<string> GuidelinesRemoved, IReadOnlyList<ItemChange> Media)
{
    public bool HasChanges => Details.Count + Lessons.Count + Outcomes.Count + Questions.Count + ConfersAdded.Count + ConfersRemoved.Count
        + GuidelinesAdded.Count + GuidelinesRemoved.Count + Media.Count > 0;
}

/// <summary>
/// What changed from one version of a module to another: details (field, old, new); lessons matched by
/// title (or, failing that, by position) with a line diff of their Markdown; outcomes by code and questions
/// by ID, each written out as lines and diffed; competencies conferred, guideline citations and media.
/// Pure: the caller loads both versions with their content.
/// </summary>
public static class VersionComparer
{
    /// <param name="competencyLabel">How to name a conferred competency, e.g. "CSTF-FIRE-1 Fire Safety".</param>
    public static VersionDiff Compare(ModuleVersion from, ModuleVersion to, Func<int, string> competencyLabel)
    {
        var details = new List<FieldChange>();
        void Field(string name, string? a, string? b)
        {
            if (!string.Equals(a, b, StringComparison.Ordinal))
            {
                details.Add(new FieldChange(name, a, b));
            }
        }

        static string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        Field("Title", from.Title, to.Title);
        Field("Summary", from.Summary, to.Summary);
        Field("Estimated minutes", N(from.EstimatedMinutes), N(to.EstimatedMinutes));
        Field("Pass mark (%)", N(from.PassMarkPercent), N(to.PassMarkPercent));
        Field("Attempt limit", N(from.AttemptLimit), N(to.AttemptLimit));
        Field("Questions per outcome", N(from.QuestionsPerOutcome), N(to.QuestionsPerOutcome));
        Field("Contact", from.Contact, to.Contact);

        var outcomes = Keyed(from.Outcomes.OrderBy(o => o.Position), to.Outcomes.OrderBy(o => o.Position), o => o.Code,
            o => [o.Text], o => o.Text);
        var questions = Keyed(from.Questions.OrderBy(q => q.Position), to.Questions.OrderBy(q => q.Position), q => q.Key,
            QuestionLines.Of, q => FirstLine(q.Text));
        var media = Keyed(from.Media.OrderBy(m => m.Path, StringComparer.Ordinal), to.Media.OrderBy(m => m.Path, StringComparer.Ordinal), m => m.Path,
            m => [$"{m.ContentType}, {m.Content.Length:N0} bytes, SHA-256 {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(m.Content))[..12]}"],
            m => m.Path);

        var confersFrom = from.Confers.Select(c => competencyLabel(c.CompetencyId)).ToHashSet(StringComparer.Ordinal);
        var confersTo = to.Confers.Select(c => competencyLabel(c.CompetencyId)).ToHashSet(StringComparer.Ordinal);
        var guidelinesFrom = from.Guidelines.Select(g => $"{g.Source} ({g.Version})").ToHashSet(StringComparer.Ordinal);
        var guidelinesTo = to.Guidelines.Select(g => $"{g.Source} ({g.Version})").ToHashSet(StringComparer.Ordinal);
        return new VersionDiff(from.Number, to.Number, details, Lessons(from.Lessons, to.Lessons), outcomes, questions,
            [.. confersTo.Except(confersFrom).Order(StringComparer.Ordinal)], [.. confersFrom.Except(confersTo).Order(StringComparer.Ordinal)],
            [.. guidelinesTo.Except(guidelinesFrom).Order(StringComparer.Ordinal)], [.. guidelinesFrom.Except(guidelinesTo).Order(StringComparer.Ordinal)],
            media);
    }

    private static List<ItemChange> Lessons(IEnumerable<ModuleLesson> fromLessons, IEnumerable<ModuleLesson> toLessons)
    {
        var before = fromLessons.OrderBy(l => l.Position).ToList();
        var after = toLessons.OrderBy(l => l.Position).ToList();
        var pairs = new List<(ModuleLesson? Old, ModuleLesson? New)>();
        foreach (var lesson in after)
        {
            var same = before.FirstOrDefault(l => l.Title == lesson.Title && !pairs.Any(p => p.Old == l));
            if (same is not null)
            {
                pairs.Add((same, lesson));
            }
        }

        // A lesson renamed in place: an unmatched old and new lesson at the same position.
        foreach (var lesson in after.Where(l => !pairs.Any(p => p.New == l)))
        {
            var renamed = before.FirstOrDefault(l => l.Position == lesson.Position && !pairs.Any(p => p.Old == l));
            pairs.Add((renamed, lesson));
        }

        pairs.AddRange(before.Where(l => !pairs.Any(p => p.Old == l)).Select(l => ((ModuleLesson?)l, (ModuleLesson?)null)));
        var changes = new List<ItemChange>();
        foreach (var (old, now) in pairs.OrderBy(p => p.New?.Position ?? p.Old!.Position).ThenBy(p => p.New is null ? 1 : 0))
        {
            var lines = LineDiff.Compare(old?.Markdown, now?.Markdown);
            if (old is null || now is null)
            {
                var only = (now ?? old)!;
                changes.Add(new ItemChange(now is null ? ChangeKind.Removed : ChangeKind.Added, $"Lesson {only.Position}", only.Title, null, lines));
                continue;
            }

            var notes = new List<string>();
            if (old.Title != now.Title)
            {
                notes.Add($"Renamed from “{old.Title}”");
            }

            if (old.Position != now.Position)
            {
                notes.Add($"Moved from lesson {old.Position} to lesson {now.Position}");
            }

            if (notes.Count > 0 || LineDiff.HasChanges(lines))
            {
                changes.Add(new ItemChange(ChangeKind.Changed, $"Lesson {now.Position}", now.Title, notes.Count == 0 ? null : string.Join("; ", notes), lines));
            }
        }

        return changes;
    }

    private static List<ItemChange> Keyed<T>(IEnumerable<T> fromItems, IEnumerable<T> toItems, Func<T, string> key,
        Func<T, IReadOnlyList<string>> lines, Func<T, string> title)
    {
        var before = fromItems.ToDictionary(key, StringComparer.Ordinal);
        var after = toItems.ToDictionary(key, StringComparer.Ordinal);
        var changes = new List<ItemChange>();
        foreach (var (k, now) in after)
        {
            if (!before.TryGetValue(k, out var old))
            {
                changes.Add(new ItemChange(ChangeKind.Added, k, title(now), null, LineDiff.Compare([], lines(now))));
                continue;
            }

            var diff = LineDiff.Compare(lines(old), lines(now));
            if (LineDiff.HasChanges(diff))
            {
                changes.Add(new ItemChange(ChangeKind.Changed, k, title(now), null, diff));
            }
        }

        changes.AddRange(before.Where(b => !after.ContainsKey(b.Key))
            .Select(b => new ItemChange(ChangeKind.Removed, b.Key, title(b.Value), null, LineDiff.Compare(lines(b.Value), []))));
        return changes;
    }

    private static string FirstLine(string text) => LineDiff.Lines(text) is { Count: > 0 } l ? l[0] : "";
}

namespace CareReady.Core.Learning.Packages;

/// <summary>
/// The file names a package may hold: relative, '/'-separated, no <c>..</c>, no absolute or drive
/// paths, no backslashes (zip slip), and only <c>module.yaml</c>, <c>questions.yaml</c>,
/// <c>lessons/*.md</c> and <c>media/*</c> with an allowed media type.
/// </summary>
public static class PackagePaths
{
    public const string Manifest = "module.yaml";
    public const string Questions = "questions.yaml";
    public const string LessonsFolder = "lessons/";
    public const string MediaFolder = "media/";
    public const int MaxLength = 260;

    /// <returns>Why the path is refused, or null when a package may hold it.</returns>
    public static string? Check(string path)
    {
        if (CheckSafe(path) is { } unsafePath)
        {
            return unsafePath;
        }

        if (path is Manifest or Questions)
        {
            return null;
        }

        var segments = path.Split('/');
        if (segments.Length == 2 && path.StartsWith(LessonsFolder, StringComparison.Ordinal))
        {
            return IsLesson(path) ? null : "lessons must be Markdown files named lessons/NAME.md";
        }

        if (segments.Length == 2 && path.StartsWith(MediaFolder, StringComparison.Ordinal))
        {
            return ContentTypeOf(path) is not null ? null
                : Extension(path).Length == 0 ? $"media files need one of the extensions {PackageLimits.MediaList}"
                : $"media type '{Extension(path)}' is not allowed (allowed: {PackageLimits.MediaList})";
        }

        return "not a file a package may hold: only module.yaml, questions.yaml, lessons/*.md and media/* (no other folders)";
    }

    /// <summary>
    /// The checks every kind of package shares (zip slip): a relative, '/'-separated name of sensible
    /// length with no control characters, backslashes, drive letters, '..', '.' or empty segments.
    /// </summary>
    /// <returns>Why the path is unsafe, or null when it is a safe relative path.</returns>
    public static string? CheckSafe(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (path.Length == 0)
        {
            return "a file with an empty name";
        }

        if (path.Length > MaxLength)
        {
            return $"a file name longer than {MaxLength} characters";
        }

        if (path.Any(char.IsControl))
        {
            return "a file name with control characters";
        }

        if (path.Contains('\\', StringComparison.Ordinal))
        {
            return "backslashes are not allowed in file names; paths are '/'-separated";
        }

        if (path.StartsWith('/'))
        {
            return "absolute paths are not allowed; paths are relative to the top of the package";
        }

        if (path.Length >= 2 && char.IsAsciiLetter(path[0]) && path[1] == ':')
        {
            return "drive paths are not allowed; paths are relative to the top of the package";
        }

        var segments = path.Split('/');
        if (segments.Any(s => s is ".." or "."))
        {
            return "'..' and '.' are not allowed in paths";
        }

        if (segments.Any(s => s.Length == 0))
        {
            return "empty folder names ('//') are not allowed in paths";
        }

        return null;
    }

    public static bool IsLesson(string path) =>
        path.StartsWith(LessonsFolder, StringComparison.Ordinal)
        && path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
        && path.Length > LessonsFolder.Length + 3
        && path.IndexOf('/', LessonsFolder.Length) < 0;

    public static bool IsMedia(string path) => path.StartsWith(MediaFolder, StringComparison.Ordinal);

    /// <returns>The content type for a media file, or null when its type is not allowed.</returns>
    public static string? ContentTypeOf(string path) => PackageLimits.MediaTypes.GetValueOrDefault(Extension(path));

    public static bool IsImage(string path) => PackageLimits.ImageExtensions.Contains(Extension(path));

    private static string Extension(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? "" : name[dot..];
    }
}

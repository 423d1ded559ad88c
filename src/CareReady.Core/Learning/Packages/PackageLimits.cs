namespace CareReady.Core.Learning.Packages;

/// <summary>The limits of docs/content-packages.md, and the media types a package may carry.</summary>
public static class PackageLimits
{
    public const long MaxPackageBytes = 50L * 1024 * 1024;
    public const int MaxEntries = 500;
    public const long MaxFileBytes = 20L * 1024 * 1024;
    public const long MaxTextFileBytes = 1024 * 1024;
    public const long MaxTotalBytes = 200L * 1024 * 1024;
    public const int MaxCompressionRatio = 100;

    /// <summary>Media file extensions (lower case, with the dot) and the content type each is stored and served with.</summary>
    public static IReadOnlyDictionary<string, string> MediaTypes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".svg"] = "image/svg+xml",
        [".webp"] = "image/webp",
        [".mp4"] = "video/mp4",
        [".mp3"] = "audio/mpeg",
        [".pdf"] = "application/pdf",
    };

    /// <summary>The media a lesson may show as an image (<c>![alt](media/x.png)</c>).</summary>
    public static IReadOnlySet<string> ImageExtensions { get; } =
        new HashSet<string>([".png", ".jpg", ".jpeg", ".gif", ".svg", ".webp"], StringComparer.OrdinalIgnoreCase);

    public static string MediaList => string.Join(" ", MediaTypes.Keys);

    /// <summary>Text files (YAML, Markdown) are limited to 1 MB, everything else to 20 MB.</summary>
    public static long MaxBytesOf(string path) =>
        path.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase)
            ? MaxTextFileBytes
            : MaxFileBytes;

    public static string Megabytes(long bytes) => $"{bytes / (1024 * 1024)} MB";
}

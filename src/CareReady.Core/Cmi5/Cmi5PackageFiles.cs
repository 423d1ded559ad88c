using CareReady.Core.Learning.Packages;

namespace CareReady.Core.Cmi5;

/// <summary>
/// Which files a cmi5 package may hold: cmi5.xml at the top and web content (pages, scripts, styles,
/// media, fonts) anywhere below it, with the zip-slip checks of <see cref="PackagePaths.CheckSafe"/>
/// and the size limits of <see cref="PackageLimits"/>.
/// </summary>
public static class Cmi5PackageFiles
{
    public static IReadOnlyDictionary<string, string> ContentTypes { get; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".htm"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json",
        [".xml"] = "application/xml",
        [".txt"] = "text/plain; charset=utf-8",
        [".vtt"] = "text/vtt; charset=utf-8",
        [".woff"] = "font/woff",
        [".woff2"] = "font/woff2",
        [".ico"] = "image/x-icon",
    };

    public static string? ContentTypeOf(string path)
    {
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        var extension = dot <= 0 ? "" : name[dot..];
        return ContentTypes.TryGetValue(extension, out var type) ? type : PackageLimits.MediaTypes.GetValueOrDefault(extension);
    }

    /// <returns>Why a cmi5 package may not hold <paramref name="path"/>, or null.</returns>
    public static string? Check(string path)
    {
        if (PackagePaths.CheckSafe(path) is { } why)
        {
            return why;
        }

        return path == CourseStructureReader.FileName || ContentTypeOf(path) is not null
            ? null
            : $"this type of file cannot be served from a course (allowed: {string.Join(" ", ContentTypes.Keys)} {PackageLimits.MediaList})";
    }

    public static long MaxBytesOf(string path) => path == CourseStructureReader.FileName ? PackageLimits.MaxTextFileBytes : PackageLimits.MaxFileBytes;
}

using CareReady.Core.Learning.Packages;

namespace CareReady.Core.Scorm;

/// <summary>
/// The files a SCORM package may hold and the content type each is served with. Any safe relative path
/// (the zip-slip checks of <see cref="PackagePaths.CheckSafe"/>) is allowed, since SCOs come in many
/// layouts; a file whose type is not known is served as application/octet-stream, never sniffed.
/// </summary>
public static class ScormFiles
{
    public const string Unknown = "application/octet-stream";

    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".htm"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".mjs"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".json"] = "application/json",
        [".xml"] = "application/xml",
        [".xsd"] = "application/xml",
        [".dtd"] = "application/xml-dtd",
        [".txt"] = "text/plain; charset=utf-8",
        [".vtt"] = "text/vtt; charset=utf-8",
        [".png"] = "image/png",
        [".jpg"] = "image/jpeg",
        [".jpeg"] = "image/jpeg",
        [".gif"] = "image/gif",
        [".svg"] = "image/svg+xml",
        [".webp"] = "image/webp",
        [".ico"] = "image/x-icon",
        [".mp4"] = "video/mp4",
        [".webm"] = "video/webm",
        [".mp3"] = "audio/mpeg",
        [".wav"] = "audio/wav",
        [".ogg"] = "audio/ogg",
        [".woff"] = "font/woff",
        [".woff2"] = "font/woff2",
        [".ttf"] = "font/ttf",
        [".otf"] = "font/otf",
        [".pdf"] = "application/pdf",
    };

    /// <returns>Why a package may not hold the path, or null.</returns>
    public static string? Check(string path) => PackagePaths.CheckSafe(path);

    /// <summary>Every file may be up to the one-file limit of content packages.</summary>
    public static long MaxBytesOf(string path) => PackageLimits.MaxFileBytes;

    public static string ContentTypeOf(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path[(path.LastIndexOf('/') + 1)..];
        var dot = name.LastIndexOf('.');
        return dot <= 0 ? Unknown : Types.GetValueOrDefault(name[dot..], Unknown);
    }
}

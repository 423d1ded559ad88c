using System.Xml;

namespace CareReady.Core.Learning.Packages;

/// <summary>
/// SVG files are XML that a browser would run: refuse scripts, event handlers, embedded HTML and
/// references to anything outside the file, and refuse DTDs (entity expansion), so a package's media
/// cannot carry code even when opened on its own.
/// </summary>
internal static class SvgChecker
{
    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        MaxCharactersInDocument = PackageLimits.MaxFileBytes,
    };

    public static void Check(string path, byte[] content, List<PackageProblem> problems)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        try
        {
            using var reader = XmlReader.Create(new MemoryStream(content), Settings);
            while (reader.Read())
            {
                if (reader.NodeType != XmlNodeType.Element)
                {
                    continue;
                }

                if (reader.LocalName is "script" or "foreignObject" or "iframe" or "embed" or "object")
                {
                    found.Add($"a <{reader.LocalName}> element");
                }

                while (reader.MoveToNextAttribute())
                {
                    if (reader.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                    {
                        found.Add($"an event handler ({reader.LocalName})");
                    }
                    else if (reader.LocalName == "href" && !reader.Value.TrimStart().StartsWith('#') && !reader.Value.TrimStart().StartsWith("data:image/", StringComparison.OrdinalIgnoreCase))
                    {
                        found.Add("a reference to something outside the file (href)");
                    }
                }

                reader.MoveToElement();
            }
        }
        catch (XmlException e)
        {
            problems.Add(new PackageProblem(path, e.LineNumber > 0 ? e.LineNumber : null, "is not a well-formed SVG file (or uses a DTD, which is not allowed)"));
            return;
        }

        if (found.Count > 0)
        {
            problems.Add(new PackageProblem(path, null, $"an SVG image may not contain {string.Join(", ", found)}"));
        }
    }
}

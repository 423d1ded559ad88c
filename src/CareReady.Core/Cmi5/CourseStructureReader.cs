using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using CareReady.Core.Learning.Packages;

namespace CareReady.Core.Cmi5;

/// <summary>
/// Reads and checks cmi5.xml (cmi5 spec section 13): one course with an id and title, blocks and AUs
/// in order, every AU with an id, a url (a file in the package, or an absolute http(s) URL), a
/// launchMethod of AnyWindow or OwnWindow, a moveOn of the five values and a masteryScore from 0 to 1.
/// Every problem is reported with its line; ids must be absolute IRIs and unique.
/// </summary>
public static class CourseStructureReader
{
    public const string FileName = "cmi5.xml";

    private static readonly string[] LaunchMethods = ["AnyWindow", "OwnWindow"];

    public static (CourseStructure? Course, IReadOnlyList<PackageProblem> Problems) Read(byte[] xml, IReadOnlySet<string> packageFiles)
    {
        ArgumentNullException.ThrowIfNull(xml);
        ArgumentNullException.ThrowIfNull(packageFiles);
        var problems = new List<PackageProblem>();
        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, MaxCharactersInDocument = 4_000_000 };
            using var reader = XmlReader.Create(new MemoryStream(xml), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            return (null, [new PackageProblem(FileName, e.LineNumber > 0 ? e.LineNumber : null, "is not well-formed XML: " + e.Message)]);
        }

        var root = document.Root!;
        if (root.Name.LocalName != "courseStructure")
        {
            return (null, [Problem(root, $"the root element must be <courseStructure>, not <{root.Name.LocalName}>")]);
        }

        if (root.Name.NamespaceName != Cmi5Vocabulary.CourseStructureNamespace)
        {
            problems.Add(Problem(root, $"<courseStructure> must be in the namespace {Cmi5Vocabulary.CourseStructureNamespace} (found \"{root.Name.NamespaceName}\")"));
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var courses = root.Elements().Where(e => e.Name.LocalName == "course").ToList();
        if (courses.Count != 1)
        {
            problems.Add(Problem(root, courses.Count == 0 ? "a <course> element is required" : "only one <course> element is allowed"));
            return (null, problems);
        }

        var course = courses[0];
        var courseId = Id(course, "course", ids, problems);
        var courseTitle = Text(course, "title", "course", problems, required: true);
        var courseDescription = Text(course, "description", "course", problems, required: false);
        var children = Nodes(root, ids, packageFiles, problems);
        if (!children.Any(c => c is AuNode) && !HasAu(children))
        {
            problems.Add(Problem(root, "the course has no <au>: it needs at least one assignable unit"));
        }

        return problems.Count > 0 ? (null, problems) : (new CourseStructure(courseId, courseTitle, courseDescription, children), problems);
    }

    private static bool HasAu(IReadOnlyList<CourseNode> nodes) => nodes.Any(n => n is AuNode || (n is BlockNode b && HasAu(b.Children)));

    private static List<CourseNode> Nodes(XElement parent, HashSet<string> ids, IReadOnlySet<string> files, List<PackageProblem> problems)
    {
        var nodes = new List<CourseNode>();
        foreach (var e in parent.Elements())
        {
            switch (e.Name.LocalName)
            {
                case "block":
                    var blockId = Id(e, "block", ids, problems);
                    var blockTitle = Text(e, "title", $"block \"{blockId}\"", problems, required: true);
                    var inner = Nodes(e, ids, files, problems);
                    if (!HasAu(inner))
                    {
                        problems.Add(Problem(e, $"block \"{blockId}\" holds no <au>"));
                    }

                    nodes.Add(new BlockNode(blockId, blockTitle, Line(e), inner));
                    break;
                case "au":
                    nodes.Add(Au(e, ids, files, problems));
                    break;
                case "course" or "objectives" or "title" or "description":
                    break;
                default:
                    problems.Add(Problem(e, $"<{e.Name.LocalName}> is not part of a cmi5 course structure here (expected <block> or <au>)"));
                    break;
            }
        }

        return nodes;
    }

    private static AuNode Au(XElement e, HashSet<string> ids, IReadOnlySet<string> files, List<PackageProblem> problems)
    {
        var id = Id(e, "au", ids, problems);
        var what = $"au \"{id}\"";
        var title = Text(e, "title", what, problems, required: true);
        var description = Text(e, "description", what, problems, required: false);

        var launchMethod = (string?)e.Attribute("launchMethod") ?? "AnyWindow";
        if (!LaunchMethods.Contains(launchMethod, StringComparer.Ordinal))
        {
            problems.Add(Problem(e, $"{what}: launchMethod must be AnyWindow or OwnWindow (found \"{launchMethod}\")"));
        }

        var moveOnText = (string?)e.Attribute("moveOn") ?? nameof(MoveOn.NotApplicable);
        if (!Enum.TryParse<MoveOn>(moveOnText, ignoreCase: false, out var moveOn) || !Enum.IsDefined(moveOn) || int.TryParse(moveOnText, CultureInfo.InvariantCulture, out _))
        {
            problems.Add(Problem(e, $"{what}: moveOn must be one of Passed, Completed, CompletedAndPassed, CompletedOrPassed, NotApplicable (found \"{moveOnText}\")"));
        }

        decimal? mastery = null;
        if (e.Attribute("masteryScore") is { } m)
        {
            if (decimal.TryParse(m.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var score) && score is >= 0 and <= 1)
            {
                mastery = score;
            }
            else
            {
                problems.Add(Problem(e, $"{what}: masteryScore must be a decimal from 0 to 1, such as 0.8 (found \"{m.Value}\")"));
            }
        }

        var urlElement = e.Elements().FirstOrDefault(x => x.Name.LocalName == "url");
        var url = urlElement?.Value.Trim() ?? "";
        if (url.Length == 0)
        {
            problems.Add(Problem(urlElement ?? e, $"{what}: <url> is required (the AU's start page in the package, or an absolute https URL)"));
        }
        else if (Uri.TryCreate(url, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            // Hosted elsewhere: launched as it is.
        }
        else
        {
            var path = url.Split('?', '#')[0];
            if (PackagePaths.CheckSafe(path) is { } why)
            {
                problems.Add(Problem(urlElement!, $"{what}: url \"{url}\": {why}"));
            }
            else if (!files.Contains(path))
            {
                problems.Add(Problem(urlElement!, $"{what}: url \"{url}\" is not a file in the package"));
            }
        }

        var parameters = e.Elements().FirstOrDefault(x => x.Name.LocalName == "launchParameters")?.Value;
        var entitlement = e.Elements().FirstOrDefault(x => x.Name.LocalName == "entitlementKey")?.Value;
        return new AuNode(id, title, Line(e), description, url, launchMethod, moveOn == 0 ? MoveOn.NotApplicable : moveOn, mastery, parameters, entitlement);
    }

    private static string Id(XElement e, string what, HashSet<string> ids, List<PackageProblem> problems)
    {
        var id = ((string?)e.Attribute("id"))?.Trim() ?? "";
        if (id.Length == 0)
        {
            problems.Add(Problem(e, $"<{what}> needs an id attribute (an absolute IRI)"));
        }
        else if (!Uri.TryCreate(id, UriKind.Absolute, out _))
        {
            problems.Add(Problem(e, $"{what} id \"{id}\" must be an absolute IRI, such as https://example.org/course/1"));
        }
        else if (!ids.Add(id))
        {
            problems.Add(Problem(e, $"{what} id \"{id}\" is used more than once in the course structure"));
        }

        return id;
    }

    /// <summary>The title or description: the en-GB, then any English, then the first langstring.</summary>
    private static string Text(XElement parent, string element, string what, List<PackageProblem> problems, bool required)
    {
        var holder = parent.Elements().FirstOrDefault(x => x.Name.LocalName == element);
        var strings = holder?.Elements().Where(x => x.Name.LocalName == "langstring").ToList() ?? [];
        var chosen = strings.FirstOrDefault(s => (string?)s.Attribute("lang") == "en-GB")
            ?? strings.FirstOrDefault(s => ((string?)s.Attribute("lang"))?.StartsWith("en", StringComparison.OrdinalIgnoreCase) == true)
            ?? strings.FirstOrDefault();
        var text = chosen?.Value.Trim() ?? "";
        if (required && text.Length == 0)
        {
            problems.Add(Problem(holder ?? parent, $"{what}: <{element}> with at least one <langstring> is required"));
        }

        return text.Length > 300 ? text[..300] : text;
    }

    private static int Line(XElement e) => ((IXmlLineInfo)e).LineNumber;

    private static PackageProblem Problem(XElement e, string message) => new(FileName, Line(e) is > 0 and var l ? l : null, message);
}

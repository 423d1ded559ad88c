using System.Xml;
using System.Xml.Linq;
using CareReady.Core.Learning.Packages;

namespace CareReady.Core.Scorm;

/// <summary>One launchable item of the default organisation, in manifest order: a SCO (talks to the runtime) or an asset (does not).</summary>
/// <param name="LaunchPath">The file in the package, with the resource's and the item's parameters.</param>
/// <param name="Sequencing">What SCORM 2004 sequencing says of it (null: nothing to apply).</param>
public sealed record ScormLaunchItem(string Identifier, string Title, string LaunchPath, bool IsAsset, ScormSequencing? Sequencing = null);

/// <summary>What CareReady needs from a valid imsmanifest.xml.</summary>
public sealed record ScormManifest(ScormEdition Edition, string SchemaVersion, string Identifier, string Title, IReadOnlyList<ScormLaunchItem> Items)
{
    /// <summary>Where the package starts: its first item.</summary>
    public string LaunchPath => Items[0].LaunchPath;
}

/// <summary>The manifest, or every problem found in it (each naming the element and what was expected).</summary>
public sealed record ScormManifestResult(ScormManifest? Manifest, IReadOnlyList<PackageProblem> Problems);

/// <summary>
/// Reads and checks imsmanifest.xml of a SCORM 1.2 or 2004 package (IMS Content Packaging with the ADL
/// extensions): metadata/schema "ADL SCORM" and a known schemaversion; an organizations element whose
/// default names one of its organization elements; every item with an identifier, every leaf item
/// pointing (identifierref) at a resource; resources with identifiers, adlcp:scormtype (1.2) /
/// adlcp:scormType (2004) "sco" or "asset", and an href for those items launch; the launch file present
/// in the package. Every launchable item of the default organisation becomes a part of the package, in manifest
/// order (at most <see cref="MaxItems"/>), with what SCORM 2004 sequencing (imsss) says of it
/// (<see cref="ScormSequencingReader"/>; not read for SCORM 1.2). Elements are matched by local name, so a manifest with odd namespace prefixes still reads.
/// </summary>
public static class ScormManifestReader
{
    public const string FileName = "imsmanifest.xml";

    /// <summary>The most launchable items a package may have.</summary>
    public const int MaxItems = 100;

    private static readonly Dictionary<string, ScormEdition> Versions = new(StringComparer.OrdinalIgnoreCase)
    {
        ["1.2"] = ScormEdition.Scorm12,
        ["CAM 1.3"] = ScormEdition.Scorm2004,
        ["2004 2nd Edition"] = ScormEdition.Scorm2004,
        ["2004 3rd Edition"] = ScormEdition.Scorm2004,
        ["2004 4th Edition"] = ScormEdition.Scorm2004,
    };

    public static ScormManifestResult Read(IReadOnlyDictionary<string, byte[]> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        var problems = new List<PackageProblem>();
        if (!files.TryGetValue(FileName, out var bytes))
        {
            var nested = files.Keys.FirstOrDefault(k => k.EndsWith("/" + FileName, StringComparison.OrdinalIgnoreCase));
            problems.Add(PackageProblem.OfPackage(nested is null
                ? $"there is no {FileName} at the top of the zip; a SCORM package must have one"
                : $"{FileName} is inside a folder ({nested}); it must be at the top of the zip (zip the folder's contents, not the folder)"));
            return new ScormManifestResult(null, problems);
        }

        XDocument document;
        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null }; // no DTDs, no external entities
            using var reader = XmlReader.Create(new MemoryStream(bytes), settings);
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e)
        {
            problems.Add(new PackageProblem(FileName, e.LineNumber > 0 ? e.LineNumber : null, "is not well-formed XML: " + e.Message));
            return new ScormManifestResult(null, problems);
        }

        var root = document.Root!;
        if (root.Name.LocalName != "manifest")
        {
            Add(root, $"the root element is <{root.Name.LocalName}>; expected <manifest>");
            return new ScormManifestResult(null, problems);
        }

        var identifier = Attr(root, "identifier");
        if (string.IsNullOrWhiteSpace(identifier))
        {
            Add(root, "<manifest> needs an identifier attribute");
        }

        var (edition, schemaVersion) = Edition(root);
        var resources = Resources(root);
        var launches = new List<(XElement Item, XElement Resource, ScormControlMode Parent)>();
        var sequencing = new ScormSequencingReader(root, Add);
        var title = Organisation(root, resources, launches);

        var items = new List<ScormLaunchItem>();
        if (launches.Count > MaxItems)
        {
            Add(launches[MaxItems].Item, $"the default organization launches {launches.Count} SCOs or assets; at most {MaxItems}");
        }
        else
        {
            foreach (var (item, resource, parent) in launches)
            {
                if (LaunchPath(resource, files) is { } path)
                {
                    var itemId = Attr(item, "identifier")!.Trim();
                    var itemTitle = Child(item, "title")?.Value.Trim() is { Length: > 0 } t ? t : itemId;
                    items.Add(new ScormLaunchItem(itemId, itemTitle.Length > 200 ? itemTitle[..200] : itemTitle,
                        WithParameters(path, Attr(item, "parameters")), ScormType(resource) == "asset",
                        edition == ScormEdition.Scorm2004 ? sequencing.Read(item, parent) : null));
                }
            }
        }

        if (problems.Count > 0 || edition is null || title is null || items.Count == 0)
        {
            return new ScormManifestResult(null, problems);
        }

        return new ScormManifestResult(new ScormManifest(edition.Value, schemaVersion!, identifier!.Trim(), title, items), problems);

        (ScormEdition?, string?) Edition(XElement manifest)
        {
            var metadata = Child(manifest, "metadata");
            if (metadata is null)
            {
                Add(manifest, "<manifest> needs a <metadata> element with <schema>ADL SCORM</schema> and <schemaversion> (1.2, or 2004 3rd/4th Edition)");
                return (null, null);
            }

            var schema = Child(metadata, "schema");
            if (schema is null || !string.Equals(schema.Value.Trim(), "ADL SCORM", StringComparison.OrdinalIgnoreCase))
            {
                Add(schema ?? metadata, schema is null ? "<metadata> needs <schema>ADL SCORM</schema>" : $"<schema> is '{schema.Value.Trim()}'; expected 'ADL SCORM'");
            }

            var version = Child(metadata, "schemaversion");
            if (version is null)
            {
                Add(metadata, "<metadata> needs a <schemaversion>: 1.2, CAM 1.3, 2004 3rd Edition or 2004 4th Edition");
                return (null, null);
            }

            var text = version.Value.Trim();
            if (!Versions.TryGetValue(text, out var found))
            {
                Add(version, $"<schemaversion> is '{text}'; expected 1.2, CAM 1.3, 2004 2nd Edition, 2004 3rd Edition or 2004 4th Edition");
                return (null, null);
            }

            return (found, text);
        }

        Dictionary<string, XElement> Resources(XElement manifest)
        {
            var byId = new Dictionary<string, XElement>(StringComparer.Ordinal);
            var container = Child(manifest, "resources");
            if (container is null)
            {
                Add(manifest, "<manifest> needs a <resources> element");
                return byId;
            }

            foreach (var resource in Children(container, "resource"))
            {
                var id = Attr(resource, "identifier");
                if (string.IsNullOrWhiteSpace(id))
                {
                    Add(resource, "<resource> needs an identifier attribute");
                    continue;
                }

                if (!byId.TryAdd(id, resource))
                {
                    Add(resource, $"<resource identifier=\"{id}\"> appears more than once; identifiers must be unique");
                    continue;
                }

                var type = ScormType(resource);
                if (type is null)
                {
                    Add(resource, $"<resource identifier=\"{id}\"> needs adlcp:{(edition == ScormEdition.Scorm2004 ? "scormType" : "scormtype")}=\"sco\" or \"asset\"");
                }
                else if (type is not ("sco" or "asset"))
                {
                    Add(resource, $"<resource identifier=\"{id}\"> has scorm type '{type}'; expected 'sco' or 'asset'");
                }
            }

            return byId;
        }

        string? Organisation(XElement manifest, Dictionary<string, XElement> byId, List<(XElement Item, XElement Resource, ScormControlMode Parent)> found)
        {
            var container = Child(manifest, "organizations");
            if (container is null)
            {
                Add(manifest, "<manifest> needs an <organizations> element with at least one <organization>");
                return null;
            }

            var organisations = Children(container, "organization").ToList();
            if (organisations.Count == 0)
            {
                Add(container, "<organizations> needs at least one <organization>");
                return null;
            }

            var defaultId = Attr(container, "default");
            XElement organisation;
            if (string.IsNullOrWhiteSpace(defaultId))
            {
                if (edition == ScormEdition.Scorm2004)
                {
                    Add(container, "<organizations> needs a default attribute naming one of its <organization> identifiers");
                    return null;
                }

                organisation = organisations[0];
            }
            else if (organisations.FirstOrDefault(o => Attr(o, "identifier") == defaultId) is { } named)
            {
                organisation = named;
            }
            else
            {
                Add(container, $"<organizations default=\"{defaultId}\"> names no <organization>; identifiers found: {string.Join(", ", organisations.Select(o => Attr(o, "identifier") ?? "(none)"))}");
                return null;
            }

            var title = Child(organisation, "title")?.Value.Trim();
            if (string.IsNullOrEmpty(title))
            {
                Add(organisation, "<organization> needs a non-empty <title> (it becomes the module's title)");
            }
            else if (title.Length > 200)
            {
                Add(organisation, $"<organization> <title> is {title.Length} characters; at most 200");
            }

            var items = Children(organisation, "item").ToList();
            if (items.Count == 0)
            {
                Add(organisation, "<organization> needs at least one <item>");
            }

            var control = edition == ScormEdition.Scorm2004 ? sequencing.ControlMode(organisation) : ScormControlMode.Default;
            foreach (var item in items)
            {
                Walk(item, control, byId, found);
            }

            if (items.Count > 0 && found.Count == 0 && problems.Count == 0)
            {
                Add(organisation, "no <item> of the default organization launches a resource (identifierref to a resource with an href)");
            }

            return title;
        }

        void Walk(XElement item, ScormControlMode parent, Dictionary<string, XElement> byId, List<(XElement Item, XElement Resource, ScormControlMode Parent)> found)
        {
            var id = Attr(item, "identifier");
            var label = string.IsNullOrWhiteSpace(id) ? "<item>" : $"<item identifier=\"{id}\">";
            if (string.IsNullOrWhiteSpace(id))
            {
                Add(item, "<item> needs an identifier attribute");
            }

            var children = Children(item, "item").ToList();
            var reference = Attr(item, "identifierref");
            if (reference is null)
            {
                if (children.Count == 0)
                {
                    Add(item, $"{label} has neither child items nor an identifierref to a resource");
                }
            }
            else if (!byId.TryGetValue(reference, out var resource))
            {
                Add(item, $"{label} identifierref=\"{reference}\" names no <resource>; resources: {(byId.Count == 0 ? "(none)" : string.Join(", ", byId.Keys))}");
            }
            else if (string.IsNullOrWhiteSpace(Attr(resource, "href")))
            {
                Add(resource, $"<resource identifier=\"{reference}\"> is launched by {label} but has no href");
            }
            else
            {
                found.Add((item, resource, parent));
            }

            var control = children.Count > 0 && edition == ScormEdition.Scorm2004 ? sequencing.ControlMode(item) : ScormControlMode.Default;
            foreach (var child in children)
            {
                Walk(child, control, byId, found);
            }
        }

        string? LaunchPath(XElement resource, IReadOnlyDictionary<string, byte[]> packageFiles)
        {
            var href = Attr(resource, "href")!.Trim();
            var resourcesBase = Attr(resource.Parent!, "base", XNamespace.Xml) ?? "";
            var resourceBase = Attr(resource, "base", XNamespace.Xml) ?? "";
            var parameters = "";
            var cut = href.IndexOfAny(['?', '#']);
            if (cut >= 0)
            {
                parameters = href[cut..];
                href = href[..cut];
            }

            var path = Uri.UnescapeDataString(resourcesBase + resourceBase + href);
            if (PackagePaths.CheckSafe(path) is { } why)
            {
                Add(resource, $"<resource identifier=\"{Attr(resource, "identifier")}\"> href '{path}': {why}");
                return null;
            }

            if (!packageFiles.ContainsKey(path))
            {
                Add(resource, $"<resource identifier=\"{Attr(resource, "identifier")}\"> href '{path}' is not in the package; the launch file must be in the zip");
                return null;
            }

            return path + parameters;
        }

        void Add(XElement at, string message) =>
            problems.Add(new PackageProblem(FileName, ((IXmlLineInfo)at).HasLineInfo() ? ((IXmlLineInfo)at).LineNumber : null, message));
    }

    /// <summary>An item's parameters attribute added to its launch path ("?a=1" or "a=1", after any the href has).</summary>
    private static string WithParameters(string path, string? parameters)
    {
        var p = parameters?.Trim() ?? "";
        if (p.Length == 0)
        {
            return path;
        }

        if (p[0] is '?' or '&')
        {
            p = p[1..];
        }

        return p.Length == 0 ? path : path + (path.Contains('?', StringComparison.Ordinal) ? "&" : "?") + p;
    }

    private static string? ScormType(XElement resource) =>
        resource.Attributes().FirstOrDefault(a => a.Name.LocalName.Equals("scormtype", StringComparison.OrdinalIgnoreCase))?.Value.Trim().ToLowerInvariant();

    private static XElement? Child(XElement parent, string name) => parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static IEnumerable<XElement> Children(XElement parent, string name) => parent.Elements().Where(e => e.Name.LocalName == name);

    private static string? Attr(XElement element, string name, XNamespace? ns = null) =>
        element.Attribute(ns is null ? XName.Get(name) : ns + name)?.Value;
}

using System.Text;
using CareReady.Core.Scorm;

namespace CareReady.Core.Tests.Scorm;

public class ScormManifestReaderTests
{
    private static Dictionary<string, byte[]> Package(string manifest, params string[] files)
    {
        var package = files.ToDictionary(f => f, _ => "x"u8.ToArray(), StringComparer.Ordinal);
        package["imsmanifest.xml"] = Encoding.UTF8.GetBytes(manifest);
        return package;
    }

    private const string Scorm2004Head = """
        <manifest identifier="M" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3">
          <metadata><schema>ADL SCORM</schema><schemaversion>2004 3rd Edition</schemaversion></metadata>
        """;

    [Fact]
    public void Xml_base_a_query_string_and_the_item_parameters_make_the_launch_path()
    {
        var result = ScormManifestReader.Read(Package(Scorm2004Head + """
              <organizations default="O"><organization identifier="O"><title>T</title>
                <item identifier="I" identifierref="R" parameters="?x=1"><title>I</title></item></organization></organizations>
              <resources xml:base="course/"><resource identifier="R" type="webcontent" adlcp:scormType="sco" xml:base="sco1/" href="index.html?lang=en"/></resources>
            </manifest>
            """, "course/sco1/index.html"));

        Assert.Empty(result.Problems);
        var manifest = result.Manifest!;
        Assert.Equal((ScormEdition.Scorm2004, "2004 3rd Edition", "M", "T", "course/sco1/index.html?lang=en&x=1"),
            (manifest.Edition, manifest.SchemaVersion, manifest.Identifier, manifest.Title, manifest.LaunchPath));
        Assert.Equal([new ScormLaunchItem("I", "I", "course/sco1/index.html?lang=en&x=1", false)], manifest.Items);
    }

    [Fact]
    public void A_2004_manifest_needs_a_default_organisation()
    {
        var result = ScormManifestReader.Read(Package(Scorm2004Head + """
              <organizations><organization identifier="O"><title>T</title><item identifier="I" identifierref="R"/></organization></organizations>
              <resources><resource identifier="R" type="webcontent" adlcp:scormType="sco" href="a.html"/></resources>
            </manifest>
            """, "a.html"));

        Assert.Null(result.Manifest);
        var problem = Assert.Single(result.Problems);
        Assert.Equal(("imsmanifest.xml", 2, "<organizations> needs a default attribute naming one of its <organization> identifiers"), (problem.Path, problem.Line, problem.Message));
    }

    [Fact]
    public void Every_launchable_item_becomes_a_part_in_manifest_order_with_its_title_and_whether_it_is_an_asset()
    {
        var result = ScormManifestReader.Read(Package(Scorm2004Head + """
              <organizations default="O"><organization identifier="O"><title>T</title>
                <item identifier="A" identifierref="R1"><title>Recognising sepsis</title></item>
                <item identifier="B"><title>Module B</title><item identifier="B1" identifierref="R2" parameters="page=2"/></item>
                <item identifier="C" identifierref="R1"><title>Recap</title></item>
              </organization></organizations>
              <resources>
                <resource identifier="R1" type="webcontent" adlcp:scormType="sco" href="a.html"/>
                <resource identifier="R2" type="webcontent" adlcp:scormType="asset" href="b.html"/>
              </resources>
            </manifest>
            """, "a.html", "b.html"));

        Assert.Empty(result.Problems);
        Assert.Equal([
            new ScormLaunchItem("A", "Recognising sepsis", "a.html", false),
            new ScormLaunchItem("B1", "B1", "b.html?page=2", true),
            new ScormLaunchItem("C", "Recap", "a.html", false),
        ], result.Manifest!.Items);
    }

    [Fact]
    public void Every_problem_is_listed_however_many_items_there_are()
    {
        var result = ScormManifestReader.Read(Package(Scorm2004Head + """
              <organizations default="O"><organization identifier="O"><title>T</title>
                <item identifier="A" identifierref="R1"/>
                <item identifier="B"><item identifier="B1" identifierref="R2"/></item>
                <item identifier="C"/>
              </organization></organizations>
              <resources>
                <resource identifier="R1" type="webcontent" adlcp:scormType="sco" href="a.html"/>
                <resource identifier="R2" type="webcontent" adlcp:scormType="asset" href="missing.html"/>
                <resource type="webcontent" href="c.html"/>
              </resources>
            </manifest>
            """, "a.html"));

        Assert.Null(result.Manifest);
        Assert.Equal([
            "line 10: <resource> needs an identifier attribute",
            "line 5: <item identifier=\"C\"> has neither child items nor an identifierref to a resource",
            "line 9: <resource identifier=\"R2\"> href 'missing.html' is not in the package; the launch file must be in the zip",
        ], result.Problems.Select(p => $"line {p.Line}: {p.Message}"));
    }

    [Fact]
    public void Missing_manifest_and_missing_metadata_are_named()
    {
        Assert.Equal("(package): there is no imsmanifest.xml at the top of the zip; a SCORM package must have one",
            Assert.Single(ScormManifestReader.Read(new Dictionary<string, byte[]> { ["index.html"] = [] }).Problems).ToString());
        var noMetadata = ScormManifestReader.Read(Package("""
            <manifest identifier="M"><organizations default="O"><organization identifier="O"><title>T</title><item identifier="I" identifierref="R"/></organization></organizations>
            <resources><resource identifier="R" type="webcontent" scormtype="sco" href="a.html"/></resources></manifest>
            """, "a.html"));
        Assert.Contains(noMetadata.Problems, p => p.Message.StartsWith("<manifest> needs a <metadata> element", StringComparison.Ordinal));
    }
}

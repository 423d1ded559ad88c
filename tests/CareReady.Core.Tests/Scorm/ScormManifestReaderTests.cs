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
    public void Xml_base_and_a_query_string_make_the_launch_path()
    {
        var result = ScormManifestReader.Read(Package(Scorm2004Head + """
              <organizations default="O"><organization identifier="O"><title>T</title>
                <item identifier="I" identifierref="R" parameters="?x=1"><title>I</title></item></organization></organizations>
              <resources xml:base="course/"><resource identifier="R" type="webcontent" adlcp:scormType="sco" xml:base="sco1/" href="index.html?lang=en"/></resources>
            </manifest>
            """, "course/sco1/index.html"));

        Assert.Empty(result.Problems);
        Assert.Equal(new ScormManifest(ScormEdition.Scorm2004, "2004 3rd Edition", "M", "T", "course/sco1/index.html?lang=en"), result.Manifest);
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
    public void More_than_one_launchable_item_is_refused_and_every_other_problem_is_listed()
    {
        var result = ScormManifestReader.Read(Package(Scorm2004Head + """
              <organizations default="O"><organization identifier="O"><title>T</title>
                <item identifier="A" identifierref="R1"/>
                <item identifier="B"><item identifier="B1" identifierref="R2"/></item>
                <item identifier="C"/>
              </organization></organizations>
              <resources>
                <resource identifier="R1" type="webcontent" adlcp:scormType="sco" href="a.html"/>
                <resource identifier="R2" type="webcontent" adlcp:scormType="asset" href="b.html"/>
                <resource type="webcontent" href="c.html"/>
              </resources>
            </manifest>
            """, "a.html", "b.html"));

        Assert.Null(result.Manifest);
        Assert.Equal([
            "line 10: <resource> needs an identifier attribute",
            "line 5: <item identifier=\"C\"> has neither child items nor an identifierref to a resource",
            "line 4: the default organization launches 2 SCOs or assets (A, B1); CareReady plays packages with one launchable item",
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

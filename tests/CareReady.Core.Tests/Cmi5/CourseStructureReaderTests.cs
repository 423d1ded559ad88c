using System.Text;
using CareReady.Core.Cmi5;

namespace CareReady.Core.Tests.Cmi5;

public class CourseStructureReaderTests
{
    private static readonly HashSet<string> Files = new(["a/index.html", "b/index.html"], StringComparer.Ordinal);

    private static (CourseStructure? Course, List<string> Problems) Read(string xml)
    {
        var (course, problems) = CourseStructureReader.Read(Encoding.UTF8.GetBytes(xml), Files);
        return (course, problems.Select(p => p.ToString()).ToList());
    }

    [Fact]
    public void Nested_blocks_and_aus_are_read_in_order_with_defaults()
    {
        var (course, problems) = Read("""
            <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
              <course id="https://x.example/c"><title><langstring lang="fr">Cours</langstring><langstring lang="en-US">Course</langstring></title></course>
              <block id="https://x.example/b1"><title><langstring>Block</langstring></title>
                <block id="https://x.example/b2"><title><langstring>Inner</langstring></title>
                  <au id="https://x.example/a1" moveOn="CompletedOrPassed"><title><langstring>One</langstring></title><url>a/index.html?x=1</url></au>
                </block>
              </block>
              <au id="https://x.example/a2"><title><langstring>Two</langstring></title><url>https://elsewhere.example/au</url></au>
            </courseStructure>
            """);

        Assert.Empty(problems);
        Assert.Equal("Course", course!.Title);
        Assert.Equal([("https://x.example/a1", "https://x.example/b2", MoveOn.CompletedOrPassed, "AnyWindow"), ("https://x.example/a2", (string?)null, MoveOn.NotApplicable, "AnyWindow")],
            course.Aus().Select(a => (a.Au.Id, a.Block?.Id, a.Au.MoveOn, a.Au.LaunchMethod)));
        Assert.Equal([("https://x.example/b1", (string?)null), ("https://x.example/b2", "https://x.example/b1")], course.Blocks().Select(b => (b.Block.Id, b.Parent?.Id)));
    }

    [Fact]
    public void Every_problem_is_reported_with_its_line()
    {
        var (course, problems) = Read("""
            <courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
              <course id="not an iri"><title><langstring>C</langstring></title></course>
              <block id="https://x.example/b"><title><langstring>Empty</langstring></title></block>
              <au id="https://x.example/a" masteryScore="0,8"><url>../a/index.html</url></au>
              <au id="https://x.example/a"><title><langstring>Again</langstring></title><url>a/index.html</url></au>
              <lesson/>
            </courseStructure>
            """);

        Assert.Null(course);
        Assert.Equal(
        [
            "cmi5.xml line 2: course id \"not an iri\" must be an absolute IRI, such as https://example.org/course/1",
            "cmi5.xml line 3: block \"https://x.example/b\" holds no <au>",
            "cmi5.xml line 4: au \"https://x.example/a\": <title> with at least one <langstring> is required",
            "cmi5.xml line 4: au \"https://x.example/a\": masteryScore must be a decimal from 0 to 1, such as 0.8 (found \"0,8\")",
            "cmi5.xml line 4: au \"https://x.example/a\": url \"../a/index.html\": '..' and '.' are not allowed in paths",
            "cmi5.xml line 5: au id \"https://x.example/a\" is used more than once in the course structure",
            "cmi5.xml line 6: <lesson> is not part of a cmi5 course structure here (expected <block> or <au>)",
        ], problems);
    }

    [Fact]
    public void A_document_type_definition_is_refused_rather_than_expanded()
    {
        var (course, problems) = Read("<!DOCTYPE x [<!ENTITY a \"aaaa\">]><courseStructure/>");
        Assert.Null(course);
        var problem = Assert.Single(problems);
        Assert.StartsWith("cmi5.xml: is not well-formed XML", problem, StringComparison.Ordinal);
        Assert.Contains("DTD", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(MoveOn.Passed, false, true, true)]
    [InlineData(MoveOn.Passed, true, false, false)]
    [InlineData(MoveOn.Completed, true, false, true)]
    [InlineData(MoveOn.CompletedAndPassed, true, false, false)]
    [InlineData(MoveOn.CompletedAndPassed, true, true, true)]
    [InlineData(MoveOn.CompletedOrPassed, false, true, true)]
    [InlineData(MoveOn.CompletedOrPassed, false, false, false)]
    [InlineData(MoveOn.NotApplicable, false, false, true)]
    public void MoveOn_criteria(MoveOn moveOn, bool completed, bool passed, bool met)
    {
        var progress = new Cmi5AuProgress { CompletedAt = completed ? DateTime.UnixEpoch : null, PassedAt = passed ? DateTime.UnixEpoch : null };
        Assert.Equal(met, EvaluateMoveOn.Met(moveOn, progress));
        Assert.True(EvaluateMoveOn.Met(moveOn, new Cmi5AuProgress { WaivedAt = DateTime.UnixEpoch }));
    }
}

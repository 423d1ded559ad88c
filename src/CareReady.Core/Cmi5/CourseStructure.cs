namespace CareReady.Core.Cmi5;

/// <summary>A cmi5.xml as read: the course and its blocks and AUs in order.</summary>
public sealed record CourseStructure(string Id, string Title, string Description, IReadOnlyList<CourseNode> Children)
{
    /// <summary>Every AU in course order, with the block it sits in (null directly under the course).</summary>
    public IEnumerable<(AuNode Au, BlockNode? Block)> Aus() => Walk(Children, null);

    public IEnumerable<(BlockNode Block, BlockNode? Parent)> Blocks() => WalkBlocks(Children, null);

    private static IEnumerable<(AuNode, BlockNode?)> Walk(IReadOnlyList<CourseNode> nodes, BlockNode? block)
    {
        foreach (var node in nodes)
        {
            if (node is AuNode au)
            {
                yield return (au, block);
            }
            else if (node is BlockNode b)
            {
                foreach (var inner in Walk(b.Children, b))
                {
                    yield return inner;
                }
            }
        }
    }

    private static IEnumerable<(BlockNode, BlockNode?)> WalkBlocks(IReadOnlyList<CourseNode> nodes, BlockNode? parent)
    {
        foreach (var b in nodes.OfType<BlockNode>())
        {
            yield return (b, parent);
            foreach (var inner in WalkBlocks(b.Children, b))
            {
                yield return inner;
            }
        }
    }
}

public abstract record CourseNode(string Id, string Title, int Line);

public sealed record BlockNode(string Id, string Title, int Line, IReadOnlyList<CourseNode> Children) : CourseNode(Id, Title, Line);

public sealed record AuNode(
    string Id,
    string Title,
    int Line,
    string Description,
    string Url,
    string LaunchMethod,
    MoveOn MoveOn,
    decimal? MasteryScore,
    string? LaunchParameters,
    string? EntitlementKey) : CourseNode(Id, Title, Line);

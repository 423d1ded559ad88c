using System.Text;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace CareReady.Core.Learning.Packages;

/// <summary>
/// Loads one YAML file of a package (UTF-8, one document, a mapping at the top). Refuses anchors and
/// aliases (<c>&amp;a</c>, <c>*a</c>: they let a small file expand without bound) and nesting deeper
/// than a package needs, before building the document, so a hostile file cannot exhaust memory or stack.
/// </summary>
internal static class YamlLoader
{
    private const int MaxDepth = 16;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <returns>The top-level mapping, or null after adding the reason to <paramref name="problems"/>.</returns>
    public static YamlMappingNode? LoadMapping(string path, byte[] bytes, List<PackageProblem> problems)
    {
        if (DecodeText(path, bytes, problems) is not { } text)
        {
            return null;
        }

        try
        {
            if (Prescan(path, text, problems) is not true)
            {
                return null;
            }

            var stream = new YamlStream();
            stream.Load(new StringReader(text));
            if (stream.Documents[0].RootNode is YamlMappingNode root)
            {
                return root;
            }

            problems.Add(new PackageProblem(path, stream.Documents[0].RootNode.Start.ToLine(),
                "the file must be a set of 'name: value' fields at the top level"));
            return null;
        }
        catch (YamlException e)
        {
            problems.Add(new PackageProblem(path, e.Start.ToLine(), "the YAML cannot be read: " + Describe(e)));
            return null;
        }
    }

    /// <returns>The file as text (without a byte-order mark), or null after adding a problem.</returns>
    public static string? DecodeText(string path, byte[] bytes, List<PackageProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var start = bytes.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        try
        {
            var text = StrictUtf8.GetString(bytes, start, bytes.Length - start);
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(new PackageProblem(path, null, "the file is empty"));
                return null;
            }

            return text;
        }
        catch (DecoderFallbackException)
        {
            problems.Add(new PackageProblem(path, null, "the file is not UTF-8 text"));
            return null;
        }
    }

    /// <returns>True when the document may be loaded.</returns>
    private static bool Prescan(string path, string text, List<PackageProblem> problems)
    {
        var parser = new Parser(new StringReader(text));
        var depth = 0;
        var documents = 0;
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case AnchorAlias alias:
                    problems.Add(new PackageProblem(path, alias.Start.ToLine(), "YAML aliases (*name) are not allowed in a package; write the value out"));
                    return false;
                case NodeEvent { Anchor.IsEmpty: false } node:
                    problems.Add(new PackageProblem(path, node.Start.ToLine(), "YAML anchors (&name) are not allowed in a package; write the value out"));
                    return false;
                case DocumentStart start:
                    if (++documents > 1)
                    {
                        problems.Add(new PackageProblem(path, start.Start.ToLine(), "the file holds more than one YAML document ('---'); a package file holds one"));
                        return false;
                    }

                    break;
                case MappingStart or SequenceStart:
                    if (++depth > MaxDepth)
                    {
                        problems.Add(new PackageProblem(path, parser.Current.Start.ToLine(), $"the YAML is nested more than {MaxDepth} levels deep"));
                        return false;
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    depth--;
                    break;
            }
        }

        if (documents == 0)
        {
            problems.Add(new PackageProblem(path, null, "the file is empty"));
            return false;
        }

        return true;
    }

    /// <summary>YamlDotNet's message without its "(Line: 3, Col: 5, Idx: 40) - (…):" prefix.</summary>
    private static string Describe(YamlException e)
    {
        var message = e.Message.Contains("Duplicate key", StringComparison.OrdinalIgnoreCase)
            ? "a field appears twice in the same place"
            : e.Message;
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return (cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message).Trim();
    }
}

internal static class MarkExtensions
{
    /// <summary>YamlDotNet's 1-based line, as the int a <see cref="PackageProblem"/> carries.</summary>
    public static int ToLine(this Mark mark) => (int)Math.Min(mark.Line, int.MaxValue);
}

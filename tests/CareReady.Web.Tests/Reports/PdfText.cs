using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using PdfSharp.Pdf;
using PdfSharp.Pdf.Content;
using PdfSharp.Pdf.Content.Objects;
using PdfSharp.Pdf.IO;

namespace CareReady.Web.Tests.Reports;

/// <summary>
/// Reads a PDF back with PDFsharp's parser and extracts the text each page shows: it walks every page's
/// content stream, follows the font selected by Tf, and decodes each Tj/TJ string — single-byte
/// (WinAnsi) fonts as Windows-1252, two-byte (Identity-H) fonts through the font's ToUnicode CMap.
/// </summary>
public static partial class PdfText
{
    static PdfText() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public sealed record Document(int PageCount, IReadOnlyList<string> Pages, string? Title);

    public static Document Read(byte[] pdf)
    {
        using var document = PdfReader.Open(new MemoryStream(pdf), PdfDocumentOpenMode.Import);
        var pages = new List<string>();
        foreach (var page in document.Pages)
        {
            var fonts = new Dictionary<string, Dictionary<int, string>?>(StringComparer.Ordinal);
            var fontResources = page.Elements.GetDictionary("/Resources")?.Elements.GetDictionary("/Font");
            if (fontResources is not null)
            {
                foreach (var name in fontResources.Elements.Keys)
                {
                    var font = fontResources.Elements.GetDictionary(name)!;
                    var twoByte = font.Elements.GetName("/Encoding") == "/Identity-H";
                    fonts[name] = twoByte ? ParseCMap(font.Elements.GetDictionary("/ToUnicode")!.Stream.UnfilteredValue) : null;
                }
            }

            var text = new StringBuilder();
            Dictionary<int, string>? current = null;
            void Show(CString s) => text.Append(Decode(s.Value, current)).Append('\n');
            void Walk(CObject item)
            {
                switch (item)
                {
                    case COperator { OpCode.Name: "Tf" } op when op.Operands.Count > 0 && op.Operands[0] is CName fontName:
                        current = fonts.GetValueOrDefault(fontName.Name);
                        break;
                    case COperator { OpCode.Name: "Tj" or "'" or "\"" } op:
                        foreach (var s in op.Operands.OfType<CString>())
                        {
                            Show(s);
                        }

                        break;
                    case COperator { OpCode.Name: "TJ" } op:
                        foreach (var s in op.Operands.OfType<CArray>().SelectMany(a => a.OfType<CString>()))
                        {
                            Show(s);
                        }

                        break;
                    case CSequence sequence:
                        foreach (var child in sequence)
                        {
                            Walk(child);
                        }

                        break;
                }
            }

            Walk(ContentReader.ReadContent(page));
            pages.Add(text.ToString());
        }

        return new Document(document.PageCount, pages, document.Info.Title);
    }

    private static string Decode(string raw, Dictionary<int, string>? cmap)
    {
        if (cmap is null)
        {
            return Encoding.GetEncoding(1252).GetString(raw.Select(c => (byte)c).ToArray());
        }

        var result = new StringBuilder();
        for (var i = 0; i + 1 < raw.Length; i += 2)
        {
            var code = (raw[i] << 8) | raw[i + 1];
            result.Append(cmap.TryGetValue(code, out var unicode) ? unicode : "\uFFFD");
        }

        return result.ToString();
    }

    /// <summary>bfchar and bfrange entries of a ToUnicode CMap: glyph code → text.</summary>
    private static Dictionary<int, string> ParseCMap(byte[] data)
    {
        var cmap = new Dictionary<int, string>();
        var source = Encoding.ASCII.GetString(data);
        foreach (Match block in BfRange().Matches(source))
        {
            foreach (Match entry in Triple().Matches(block.Groups[1].Value))
            {
                var (from, to, target) = (Hex(entry.Groups[1].Value), Hex(entry.Groups[2].Value), Hex(entry.Groups[3].Value));
                for (var code = from; code <= to; code++)
                {
                    cmap[code] = char.ConvertFromUtf32(target + code - from);
                }
            }
        }

        foreach (Match block in BfChar().Matches(source))
        {
            foreach (Match entry in Pair().Matches(block.Groups[1].Value))
            {
                cmap[Hex(entry.Groups[1].Value)] = char.ConvertFromUtf32(Hex(entry.Groups[2].Value));
            }
        }

        return cmap;
    }

    private static int Hex(string value) => int.Parse(value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"beginbfrange(.*?)endbfrange", RegexOptions.Singleline)]
    private static partial Regex BfRange();

    [GeneratedRegex(@"beginbfchar(.*?)endbfchar", RegexOptions.Singleline)]
    private static partial Regex BfChar();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Triple();

    [GeneratedRegex(@"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")]
    private static partial Regex Pair();
}

using System.Globalization;
using CareReady.Core.Compliance;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace CareReady.Core.Reports;

/// <summary>
/// The training matrix as a landscape A4 PDF for an inspector: title, organisation, unit, as-of date and
/// generation time; the summary per subject against target; the matrix itself (header row repeated on
/// every page; when there are more competencies than fit across a page, they are split into balanced
/// groups, each printed for every person); then exemptions and prior learning. "Page x of y" on every
/// page. The font (Liberation Sans, SIL OFL) is embedded in the assembly: no system fonts needed.
/// </summary>
public static class MatrixPdfWriter
{
    public const string FontFamily = "CareReady Sans";

    private static readonly Lazy<bool> FontsRegistered = new(() =>
    {
        GlobalFontSettings.FontResolver = new EmbeddedFontResolver();
        return true;
    });

    public static void Write(TrainingMatrix matrix, Stream output)
    {
        _ = FontsRegistered.Value;
        var document = new PdfDocument();
        document.Info.Title = matrix.Title;
        document.Info.Subject = $"Training matrix of {matrix.UnitName} as of {matrix.AsOf:yyyy-MM-dd}";
        document.Info.Author = matrix.OrganisationName;
        document.Info.Creator = "CareReady";

        var layout = new Layout(document, matrix);
        layout.Cover();
        layout.MatrixPages();
        layout.Exemptions();
        layout.PriorLearning();
        layout.Footers();
        document.Save(output, closeStream: false);
    }

    /// <summary>Maps the family <see cref="FontFamily"/> (regular and bold) to the embedded Liberation Sans files.</summary>
    private sealed class EmbeddedFontResolver : IFontResolver
    {
        private const string Regular = "LiberationSans-Regular", BoldFace = "LiberationSans-Bold";

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
            new(bold ? BoldFace : Regular, false, italic);

        public byte[]? GetFont(string faceName)
        {
            using var stream = typeof(MatrixPdfWriter).Assembly.GetManifestResourceStream($"CareReady.Reports.Fonts.{faceName}.ttf")
                ?? throw new InvalidOperationException($"Embedded font {faceName} is missing from the assembly.");
            using var bytes = new MemoryStream();
            stream.CopyTo(bytes);
            return bytes.ToArray();
        }
    }

    private sealed record TableColumn(string Header, double Width, bool Numeric = false);

    private sealed record TableCell(string Text, XColor? Fill = null);

    /// <summary>Draws pages top to bottom, starting a new page (with the table header again) when the next row does not fit.</summary>
    private sealed class Layout(PdfDocument document, TrainingMatrix matrix)
    {
        private const double Margin = 28, Bottom = 595 - 40;
        private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;
        private static readonly XColor Text = XColor.FromArgb(0x21, 0x2B, 0x32);
        private static readonly XColor Secondary = XColor.FromArgb(0x4C, 0x61, 0x72);
        private static readonly XColor Rule = XColor.FromArgb(0xB0, 0xB8, 0xBF);
        private static readonly XColor HeaderFill = XColor.FromArgb(0xD8, 0xDD, 0xE0);
        private static readonly XColor GreenFill = XColor.FromArgb(0xC6, 0xEF, 0xCE);
        private static readonly XColor AmberFill = XColor.FromArgb(0xFF, 0xEB, 0x9C);
        private static readonly XColor RedFill = XColor.FromArgb(0xFF, 0xC7, 0xCE);
        private static readonly XColor GreyFill = XColor.FromArgb(0xE8, 0xED, 0xEE);

        private readonly XFont _title = new(FontFamily, 16, XFontStyleEx.Bold);
        private readonly XFont _heading = new(FontFamily, 11, XFontStyleEx.Bold);
        private readonly XFont _body = new(FontFamily, 9, XFontStyleEx.Regular);
        private readonly XFont _bodyBold = new(FontFamily, 9, XFontStyleEx.Bold);
        private readonly XFont _cell = new(FontFamily, 7.5, XFontStyleEx.Regular);
        private readonly XFont _cellBold = new(FontFamily, 7.5, XFontStyleEx.Bold);
        private readonly XFont _small = new(FontFamily, 6, XFontStyleEx.Regular);
        private readonly XFont _smallBold = new(FontFamily, 6, XFontStyleEx.Bold);
        private readonly XFont _footer = new(FontFamily, 7, XFontStyleEx.Regular);

        private readonly XSolidBrush _textBrush = new(Text);
        private readonly XSolidBrush _secondaryBrush = new(Secondary);
        private readonly XPen _rulePen = new(Rule, 0.4);
        private readonly Dictionary<(string, XFont, double), string> _fitted = [];
        private XGraphics? _gfx;
        private double _y;

        private const double Width = 842 - 2 * Margin;

        private XGraphics Gfx => _gfx ?? throw new InvalidOperationException("No page.");

        public void Cover()
        {
            NewPage();
            Line(matrix.Title, _title, Text, 22);
            var unit = matrix.UnitCode is null ? matrix.UnitName : $"{matrix.UnitName} ({matrix.UnitCode})";
            foreach (var (label, value) in new[]
            {
                ("Organisation", $"{matrix.OrganisationName} ({matrix.OrganisationCode})"),
                ("Unit", unit),
                ("As of", LongDate(matrix.AsOf)),
                ("Generated", matrix.GeneratedAt.UtcDateTime.ToString("d MMMM yyyy 'at' HH:mm 'UTC'", Culture)),
                ("People", matrix.Rows.Count.ToString(Culture)),
                ("Competencies", matrix.Columns.Count.ToString(Culture)),
            })
            {
                Gfx.DrawString(label, _bodyBold, _textBrush, new XRect(Margin, _y, 90, 12), XStringFormats.TopLeft);
                Gfx.DrawString(Fit(value, _body, Width - 90), _body, _textBrush, new XRect(Margin + 90, _y, Width - 90, 12), XStringFormats.TopLeft);
                _y += 13;
            }

            _y += 8;
            Table("Summary by subject",
                [new("Subject", 300), new("Code", 110), new("Required", 70, true), new("Compliant", 70, true), new("% compliant", 80, true), new("Target", 70, true), new("Target met", 86)],
                matrix.Summary.Select(s => new TableCell[]
                {
                    new(s.SubjectName), new(s.SubjectCode), new(s.Required.ToString(Culture)), new(s.Compliant.ToString(Culture)),
                    new(s.Percent.ToString("0.0", Culture) + "%"), new(s.TargetPercent.ToString("0.#", Culture) + "%"),
                    new(s.MeetsTarget ? "Yes" : "No", s.MeetsTarget ? GreenFill : RedFill),
                }),
                "Nobody in this unit was required to hold any competency on this day.");

            _y += 10;
            Paragraph("How to read the matrix: each cell shows the status, the last completion ('done') and the expiry ('exp'), or, for " +
                "someone never trained, the day it is or was due by ('due'); an exemption shows the day it ends. Green: up to date. " +
                "Amber: renewal due, or not started within the new-starter period. Red: overdue or expired. Grey: exempt. " +
                "A person counts as compliant with a subject when every requirement they have in it is met.");
        }

        public void MatrixPages()
        {
            NewPage();
            const double nameWidth = 130, numberWidth = 46, minCell = 62, maxCell = 84;
            if (matrix.Rows.Count == 0 || matrix.Columns.Count == 0)
            {
                Line("Training matrix", _heading, Text, 16);
                Paragraph(matrix.Rows.Count == 0 ? "Nobody was employed in this unit on this day." : "No competency was required of anyone in this unit on this day.");
                return;
            }

            var fit = Math.Max(1, (int)((Width - nameWidth - numberWidth) / minCell));
            var groups = (matrix.Columns.Count + fit - 1) / fit;
            var perGroup = (matrix.Columns.Count + groups - 1) / groups;
            for (var g = 0; g < groups; g++)
            {
                var first = g * perGroup;
                var count = Math.Min(perGroup, matrix.Columns.Count - first);
                var cellWidth = Math.Min(maxCell, (Width - nameWidth - numberWidth) / count);
                var heading = groups == 1
                    ? "Training matrix"
                    : $"Training matrix — competencies {first + 1}–{first + count} of {matrix.Columns.Count}";
                if (g > 0)
                {
                    NewPage();
                }

                const double headerHeight = 40, rowHeight = 25;
                void Header(bool continued)
                {
                    Line(heading + (continued ? " (continued)" : ""), _heading, Text, 16);
                    var x = Margin;
                    Box(x, _y, nameWidth, headerHeight, HeaderFill);
                    Gfx.DrawString("Name", _cellBold, _textBrush, new XRect(x + 2, _y + 2, nameWidth - 4, 10), XStringFormats.TopLeft);
                    x += nameWidth;
                    Box(x, _y, numberWidth, headerHeight, HeaderFill);
                    Gfx.DrawString("Emp. no.", _cellBold, _textBrush, new XRect(x + 2, _y + 2, numberWidth - 4, 10), XStringFormats.TopLeft);
                    x += numberWidth;
                    for (var c = first; c < first + count; c++)
                    {
                        var column = matrix.Columns[c];
                        Box(x, _y, cellWidth, headerHeight, HeaderFill);
                        Gfx.DrawString(Fit(column.Code, _smallBold, cellWidth - 4), _smallBold, _textBrush, new XRect(x + 2, _y + 2, cellWidth - 4, 8), XStringFormats.TopLeft);
                        var ly = _y + 10;
                        foreach (var part in Wrap(column.DisplayName, _small, cellWidth - 4, 4))
                        {
                            Gfx.DrawString(part, _small, _textBrush, new XRect(x + 2, ly, cellWidth - 4, 7), XStringFormats.TopLeft);
                            ly += 7;
                        }

                        x += cellWidth;
                    }

                    _y += headerHeight;
                }

                Header(false);
                foreach (var row in matrix.Rows)
                {
                    if (_y + rowHeight > Bottom)
                    {
                        NewPage();
                        Header(true);
                    }

                    var x = Margin;
                    Box(x, _y, nameWidth, rowHeight, null);
                    Gfx.DrawString(Fit($"{row.LastName}, {row.FirstName}", _cellBold, nameWidth - 4), _cellBold, _textBrush, new XRect(x + 2, _y + 2, nameWidth - 4, 9), XStringFormats.TopLeft);
                    Gfx.DrawString(Fit(row.JobRole, _small, nameWidth - 4), _small, _secondaryBrush, new XRect(x + 2, _y + 10.5, nameWidth - 4, 7), XStringFormats.TopLeft);
                    Gfx.DrawString(Fit(row.Department, _small, nameWidth - 4), _small, _secondaryBrush, new XRect(x + 2, _y + 17, nameWidth - 4, 7), XStringFormats.TopLeft);
                    x += nameWidth;
                    Box(x, _y, numberWidth, rowHeight, null);
                    Gfx.DrawString(Fit(row.EmployeeNumber, _cell, numberWidth - 4), _cell, _textBrush, new XRect(x + 2, _y + 2, numberWidth - 4, 9), XStringFormats.TopLeft);
                    x += numberWidth;
                    for (var c = first; c < first + count; c++)
                    {
                        MatrixCellAt(row.Cells[c], x, cellWidth, rowHeight);
                        x += cellWidth;
                    }

                    _y += rowHeight;
                }
            }
        }

        private void MatrixCellAt(MatrixCell cell, double x, double width, double height)
        {
            Box(x, _y, width, height, cell.Rag switch
            {
                "green" => GreenFill,
                "amber" => AmberFill,
                "red" => RedFill,
                "grey" => GreyFill,
                _ => null,
            });
            if (!cell.Required)
            {
                Gfx.DrawString(Fit(cell.Status, _small, width - 4), _small, _secondaryBrush, new XRect(x + 2, _y + 2, width - 4, 7), XStringFormats.TopLeft);
                return;
            }

            Gfx.DrawString(Fit(cell.Status, _smallBold, width - 4), _smallBold, _textBrush, new XRect(x + 2, _y + 2, width - 4, 7), XStringFormats.TopLeft);
            var lines = new List<string>(2);
            if (cell.Completed is DateOnly done)
            {
                lines.Add("done " + ShortDate(done));
            }

            if (cell.State == ComplianceState.Exempt)
            {
                if (cell.ExemptUntil is DateOnly ends)
                {
                    lines.Add("ends " + ShortDate(ends));
                }
            }
            else if (cell.ExpiresOn is DateOnly expires)
            {
                lines.Add("exp " + ShortDate(expires));
            }
            else if (cell.ExpiresOrDue is DateOnly due)
            {
                lines.Add("due " + ShortDate(due));
            }

            var ly = _y + 9.5;
            foreach (var line in lines.Take(2))
            {
                Gfx.DrawString(Fit(line, _small, width - 4), _small, _textBrush, new XRect(x + 2, ly, width - 4, 7), XStringFormats.TopLeft);
                ly += 7;
            }
        }

        public void Exemptions()
        {
            NewPage();
            Table($"Exemptions in force on {LongDate(matrix.AsOf)}",
                [new("Name", 110), new("Emp. no.", 50), new("Competency", 160), new("Reason", 190), new("Approved by", 126), new("Approved", 50), new("Starts", 50), new("Ends", 50)],
                matrix.Exemptions.Select(e => new TableCell[]
                {
                    new($"{e.LastName}, {e.FirstName}"), new(e.EmployeeNumber), new($"{e.CompetencyCode} {e.CompetencyName}"), new(e.Reason),
                    new(e.ApprovedBy), new(ShortDate(e.ApprovedOn)), new(ShortDate(e.StartsOn)), new(ShortDate(e.EndsOn)),
                }),
                "No exemptions were in force for anyone in this unit on this day.");
        }

        public void PriorLearning()
        {
            _y += 16;
            Table("Recognised prior learning",
                [new("Name", 110), new("Emp. no.", 50), new("Competency", 190), new("Completed", 56), new("Source", 190), new("Reference", 90), new("Recorded by", 100)],
                matrix.PriorLearning.Select(p => new TableCell[]
                {
                    new($"{p.LastName}, {p.FirstName}"), new(p.EmployeeNumber), new($"{p.CompetencyCode} {p.CompetencyName}"), new(ShortDate(p.CompletedOn)),
                    new(p.Source), new(p.Reference ?? ""), new(p.RecordedBy ?? ""),
                }),
                "No prior learning from another employer is recorded for anyone in this unit up to this day.");
        }

        /// <summary>Adds "Page x of y" and the pack's identity to every page once all pages exist.</summary>
        public void Footers()
        {
            _gfx?.Dispose();
            _gfx = null;
            var total = document.PageCount;
            var left = $"{matrix.OrganisationName} · {matrix.UnitName} · training matrix as of {LongDate(matrix.AsOf)}";
            for (var i = 0; i < total; i++)
            {
                using var gfx = XGraphics.FromPdfPage(document.Pages[i], XGraphicsPdfPageOptions.Append);
                var y = 595 - Margin;
                gfx.DrawLine(new XPen(Rule, 0.5), Margin, y - 4, 842 - Margin, y - 4);
                gfx.DrawString(Fit(left, _footer, Width - 90, gfx), _footer, _secondaryBrush, new XRect(Margin, y, Width - 90, 9), XStringFormats.TopLeft);
                gfx.DrawString($"Page {i + 1} of {total}", _footer, _secondaryBrush, new XRect(Margin, y, Width, 9), XStringFormats.TopRight);
            }
        }

        private void Table(string heading, IReadOnlyList<TableColumn> columns, IEnumerable<TableCell[]> rows, string emptyText)
        {
            var scale = Width / columns.Sum(c => c.Width);
            var widths = columns.Select(c => c.Width * scale).ToArray();
            const double lineHeight = 9.5, padding = 3;

            void Header(bool continued)
            {
                Line(heading + (continued ? " (continued)" : ""), _heading, Text, 16);
                var x = Margin;
                for (var i = 0; i < columns.Count; i++)
                {
                    Box(x, _y, widths[i], lineHeight + 2 * padding, HeaderFill);
                    Gfx.DrawString(Fit(columns[i].Header, _cellBold, widths[i] - 4), _cellBold, _textBrush,
                        new XRect(x + 2, _y + padding, widths[i] - 4, lineHeight), columns[i].Numeric ? XStringFormats.TopRight : XStringFormats.TopLeft);
                    x += widths[i];
                }

                _y += lineHeight + 2 * padding;
            }

            if (_y + 60 > Bottom)
            {
                NewPage();
            }

            Header(false);
            var any = false;
            foreach (var row in rows)
            {
                any = true;
                var wrapped = row.Select((cell, i) => Wrap(cell.Text, _cell, widths[i] - 4, 4)).ToArray();
                var height = wrapped.Max(w => Math.Max(1, w.Count)) * lineHeight + 2 * padding;
                if (_y + height > Bottom)
                {
                    NewPage();
                    Header(true);
                }

                var x = Margin;
                for (var i = 0; i < columns.Count; i++)
                {
                    Box(x, _y, widths[i], height, row[i].Fill);
                    var ly = _y + padding;
                    foreach (var line in wrapped[i])
                    {
                        Gfx.DrawString(line, _cell, _textBrush, new XRect(x + 2, ly, widths[i] - 4, lineHeight),
                            columns[i].Numeric ? XStringFormats.TopRight : XStringFormats.TopLeft);
                        ly += lineHeight;
                    }

                    x += widths[i];
                }

                _y += height;
            }

            if (!any)
            {
                _y += 4;
                Paragraph(emptyText);
            }
        }

        private void NewPage()
        {
            _gfx?.Dispose();
            var page = document.AddPage();
            page.Size = PageSize.A4;
            page.Orientation = PageOrientation.Landscape;
            _gfx = XGraphics.FromPdfPage(page);
            _y = Margin;
        }

        private void Line(string text, XFont font, XColor color, double height)
        {
            Gfx.DrawString(Fit(text, font, Width), font, new XSolidBrush(color), new XRect(Margin, _y, Width, height), XStringFormats.TopLeft);
            _y += height;
        }

        private void Paragraph(string text)
        {
            foreach (var line in Wrap(text, _body, Width, int.MaxValue))
            {
                if (_y + 12 > Bottom)
                {
                    NewPage();
                }

                Line(line, _body, Text, 12);
            }
        }

        private void Box(double x, double y, double width, double height, XColor? fill)
        {
            if (fill is XColor color)
            {
                Gfx.DrawRectangle(_rulePen, new XSolidBrush(color), x, y, width, height);
            }
            else
            {
                Gfx.DrawRectangle(_rulePen, x, y, width, height);
            }
        }

        private string Fit(string text, XFont font, double width, XGraphics? gfx = null)
        {
            // Statuses and dates repeat thousands of times in a trust-wide matrix: measure each once.
            var key = (text, font, width);
            if (_fitted.TryGetValue(key, out var fitted))
            {
                return fitted;
            }

            fitted = Shorten(text, font, width, gfx ?? Gfx);
            if (_fitted.Count < 100_000)
            {
                _fitted[key] = fitted;
            }

            return fitted;
        }

        private static string Shorten(string text, XFont font, double width, XGraphics gfx)
        {
            if (gfx.MeasureString(text, font).Width <= width)
            {
                return text;
            }

            var length = text.Length;
            while (length > 0 && gfx.MeasureString(string.Concat(text.AsSpan(0, length), "…"), font).Width > width)
            {
                length--;
            }

            return string.Concat(text.AsSpan(0, length).TrimEnd(), "…");
        }

        /// <summary>Word-wraps to at most <paramref name="maxLines"/> lines; the last one is shortened with "…" if need be.</summary>
        private List<string> Wrap(string text, XFont font, double width, int maxLines)
        {
            var lines = new List<string>();
            var current = "";
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (current.Length == 0 || Gfx.MeasureString(candidate, font).Width <= width)
                {
                    current = candidate;
                    continue;
                }

                lines.Add(current);
                current = word;
            }

            if (current.Length > 0)
            {
                lines.Add(current);
            }

            if (lines.Count > maxLines)
            {
                lines = [.. lines.Take(maxLines - 1), string.Join(' ', lines.Skip(maxLines - 1))];
            }

            return lines.Select(l => Fit(l, font, width)).ToList();
        }

        private static string ShortDate(DateOnly date) => date.ToString("d MMM yyyy", Culture);

        private static string LongDate(DateOnly date) => date.ToString("d MMMM yyyy", Culture);
    }
}

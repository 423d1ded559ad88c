using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CareReady.Core.Reports;

/// <summary>
/// The training matrix as a real spreadsheet: sheet "Training matrix" (bold header row, filters, header
/// row and the two name columns frozen, dates as date cells, status cells filled red/amber/green/grey),
/// "Summary" (title, unit, as-of date and each subject against its target), "Exemptions" and
/// "Prior learning". Rows are streamed, so a whole trust's matrix does not sit in memory as a DOM.
/// </summary>
public static class MatrixXlsxWriter
{
    public const string MatrixSheet = "Training matrix";
    public const string SummarySheet = "Summary";
    public const string ExemptionsSheet = "Exemptions";
    public const string PriorLearningSheet = "Prior learning";

    private static readonly string[] CompetencyHeaders = ["Competency code", "Competency", "Subject"];

    // Cell formats (indexes into the stylesheet's cellXfs, see Styles()).
    private const uint Plain = 0, Header = 1, DateCell = 2, Green = 3, Amber = 4, Red = 5, Grey = 6, TitleCell = 7, OneDecimal = 8, DateTimeCell = 9, Bold = 10;

    public static void Write(TrainingMatrix matrix, Stream output)
    {
        // The package is assembled in memory (it needs to seek) and then copied, so any stream will do.
        using var buffer = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(buffer, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            workbook.AddNewPart<WorkbookStylesPart>().Stylesheet = Styles();
            var strings = new Dictionary<string, int>(StringComparer.Ordinal);
            var sheets = new Sheets();

            var lastColumn = ColumnName(MatrixCsvWriter.PersonHeaders.Length + 3 * matrix.Columns.Count);
            var filterRange = $"$A$1:${lastColumn}${matrix.Rows.Count + 1}";
            AddSheet(workbook, sheets, MatrixSheet, part => WriteMatrix(part, matrix, strings));
            AddSheet(workbook, sheets, SummarySheet, part => WriteSummary(part, matrix, strings));
            AddSheet(workbook, sheets, ExemptionsSheet, part => WriteTable(part, strings,
                ["Last name", "First name", "Employee number", "Competency code", "Competency", "Reason", "Approved by", "Approved on", "Starts on", "Ends on"],
                [18, 18, 16, 16, 40, 40, 28, 12, 12, 12],
                matrix.Exemptions.Select(e => new object?[] { e.LastName, e.FirstName, e.EmployeeNumber, e.CompetencyCode, e.CompetencyName, e.Reason, e.ApprovedBy, e.ApprovedOn, e.StartsOn, e.EndsOn })));
            AddSheet(workbook, sheets, PriorLearningSheet, part => WriteTable(part, strings,
                ["Last name", "First name", "Employee number", "Competency code", "Competency", "Completed on", "Source", "Reference", "Recorded by"],
                [18, 18, 16, 16, 40, 12, 36, 24, 28],
                matrix.PriorLearning.Select(p => new object?[] { p.LastName, p.FirstName, p.EmployeeNumber, p.CompetencyCode, p.CompetencyName, p.CompletedOn, p.Source, p.Reference, p.RecordedBy })));

            workbook.Workbook.Append(sheets);
            // Excel records a sheet's filter range under this hidden name; other programs rely on it too.
            workbook.Workbook.Append(new DefinedNames(new DefinedName($"'{MatrixSheet}'!{filterRange}") { Name = "_xlnm._FilterDatabase", LocalSheetId = 0, Hidden = true }));
            WriteSharedStrings(workbook, strings);
            workbook.Workbook.Save();
        }

        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, string name, Action<WorksheetPart> write)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        write(part);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = (uint)sheets.ChildElements.Count + 1, Name = name });
    }

    private static void WriteMatrix(WorksheetPart part, TrainingMatrix matrix, Dictionary<string, int> strings)
    {
        var headers = MatrixCsvWriter.PersonHeaders
            .Concat(matrix.Columns.SelectMany(c => new[] { c.Code + " status", c.Code + " completed", c.Code + " expires" }))
            .ToList();
        var widths = new List<double> { 18, 18, 16, 24, 24, 12 };
        widths.AddRange(matrix.Columns.SelectMany(_ => new double[] { 15, 12, 12 }));

        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        WriteFrozenView(writer, frozenColumns: 2, selected: true);
        WriteColumns(writer, widths);
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, headers.Select(h => TextCell(h, Header, strings)));
        var rowIndex = 2u;
        foreach (var row in matrix.Rows)
        {
            var cells = new List<Cell>(headers.Count)
            {
                TextCell(row.LastName, Plain, strings),
                TextCell(row.FirstName, Plain, strings),
                TextCell(row.EmployeeNumber, Plain, strings),
                TextCell(row.Department, Plain, strings),
                TextCell(row.JobRole, Plain, strings),
                TextCell(row.StaffGroup, Plain, strings),
            };
            foreach (var cell in row.Cells)
            {
                cells.Add(TextCell(cell.Status, RagStyle(cell.Rag), strings));
                cells.Add(DateOrBlank(cell.Completed));
                cells.Add(DateOrBlank(cell.ExpiresOrDue));
            }

            WriteRow(writer, rowIndex++, cells);
        }

        writer.WriteEndElement(); // sheetData
        writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(headers.Count)}{matrix.Rows.Count + 1}" });
        writer.WriteEndElement(); // worksheet
    }

    private static void WriteSummary(WorksheetPart part, TrainingMatrix matrix, Dictionary<string, int> strings)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        WriteColumns(writer, [22, 44, 12, 12, 18, 16, 12]);
        writer.WriteStartElement(new SheetData());
        var unit = matrix.UnitCode is null ? matrix.UnitName : $"{matrix.UnitName} ({matrix.UnitCode})";
        WriteRow(writer, 1, [TextCell(matrix.Title, TitleCell, strings)]);
        WriteRow(writer, 2, [TextCell("Organisation", Bold, strings), TextCell($"{matrix.OrganisationName} ({matrix.OrganisationCode})", Plain, strings)]);
        WriteRow(writer, 3, [TextCell("Unit", Bold, strings), TextCell(unit, Plain, strings)]);
        WriteRow(writer, 4, [TextCell("As of", Bold, strings), NumberCell(ToSerial(matrix.AsOf), DateCell)]);
        WriteRow(writer, 5, [TextCell("Generated (UTC)", Bold, strings), NumberCell(matrix.GeneratedAt.UtcDateTime.ToOADate(), DateTimeCell)]);
        WriteRow(writer, 6, [TextCell("People", Bold, strings), NumberCell(matrix.Rows.Count, Plain)]);

        var rowIndex = 8u;
        WriteRow(writer, rowIndex++, MatrixCsvWriter.SummaryHeaders.Select(h => TextCell(h, Header, strings)));
        foreach (var s in matrix.Summary)
        {
            WriteRow(writer, rowIndex++,
            [
                TextCell(s.SubjectCode, Plain, strings),
                TextCell(s.SubjectName, Plain, strings),
                NumberCell(s.Required, Plain),
                NumberCell(s.Compliant, Plain),
                NumberCell((double)s.Percent, OneDecimal),
                NumberCell((double)s.TargetPercent, OneDecimal),
                TextCell(s.MeetsTarget ? "Yes" : "No", s.MeetsTarget ? Green : Red, strings),
            ]);
        }

        rowIndex++;
        WriteRow(writer, rowIndex++, CompetencyHeaders.Select(h => TextCell(h, Header, strings)));
        foreach (var c in matrix.Columns)
        {
            WriteRow(writer, rowIndex++, [TextCell(c.Code, Plain, strings), TextCell(c.DisplayName, Plain, strings), TextCell(c.SubjectName, Plain, strings)]);
        }

        writer.WriteEndElement(); // sheetData
        writer.WriteEndElement(); // worksheet
    }

    private static void WriteTable(WorksheetPart part, Dictionary<string, int> strings, string[] headers, double[] widths, IEnumerable<object?[]> rows)
    {
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new Worksheet());
        WriteFrozenView(writer, frozenColumns: 0, selected: false);
        WriteColumns(writer, widths);
        writer.WriteStartElement(new SheetData());
        WriteRow(writer, 1, headers.Select(h => TextCell(h, Header, strings)));
        var rowIndex = 2u;
        foreach (var values in rows)
        {
            WriteRow(writer, rowIndex++, values.Select(v => v switch
            {
                DateOnly d => NumberCell(ToSerial(d), DateCell),
                null => new Cell(),
                _ => TextCell(Convert.ToString(v, CultureInfo.InvariantCulture) ?? "", Plain, strings),
            }));
        }

        writer.WriteEndElement(); // sheetData
        writer.WriteElement(new AutoFilter { Reference = $"A1:{ColumnName(headers.Length)}{rowIndex - 1}" });
        writer.WriteEndElement(); // worksheet
    }

    /// <summary>Freezes the header row and the first <paramref name="frozenColumns"/> columns.</summary>
    private static void WriteFrozenView(OpenXmlWriter writer, int frozenColumns, bool selected)
    {
        var topLeft = ColumnName(frozenColumns + 1) + "2";
        var pane = new Pane
        {
            VerticalSplit = 1,
            TopLeftCell = topLeft,
            ActivePane = frozenColumns > 0 ? PaneValues.BottomRight : PaneValues.BottomLeft,
            State = PaneStateValues.Frozen,
        };
        if (frozenColumns > 0)
        {
            pane.HorizontalSplit = frozenColumns;
        }

        var view = new SheetView { WorkbookViewId = 0, TabSelected = selected };
        view.Append(pane);
        if (frozenColumns > 0)
        {
            view.Append(new Selection { Pane = PaneValues.TopRight });
            view.Append(new Selection { Pane = PaneValues.BottomLeft });
        }

        view.Append(new Selection { Pane = pane.ActivePane, ActiveCell = topLeft, SequenceOfReferences = new ListValue<StringValue> { InnerText = topLeft } });
        writer.WriteElement(new SheetViews(view));
    }

    private static void WriteColumns(OpenXmlWriter writer, IReadOnlyList<double> widths)
    {
        var columns = new Columns();
        for (var i = 0; i < widths.Count; i++)
        {
            columns.Append(new Column { Min = (uint)i + 1, Max = (uint)i + 1, Width = widths[i], CustomWidth = true });
        }

        writer.WriteElement(columns);
    }

    private static void WriteRow(OpenXmlWriter writer, uint index, IEnumerable<Cell> cells)
    {
        writer.WriteStartElement(new Row { RowIndex = index });
        var column = 1;
        foreach (var cell in cells)
        {
            cell.CellReference = ColumnName(column++) + index.ToString(CultureInfo.InvariantCulture);
            writer.WriteElement(cell);
        }

        writer.WriteEndElement();
    }

    private static Cell TextCell(string text, uint style, Dictionary<string, int> strings)
    {
        if (!strings.TryGetValue(text, out var index))
        {
            index = strings.Count;
            strings.Add(text, index);
        }

        return new Cell { DataType = CellValues.SharedString, StyleIndex = style, CellValue = new CellValue(index) };
    }

    private static Cell NumberCell(double value, uint style) => new() { StyleIndex = style, CellValue = new CellValue(value) };

    private static Cell DateOrBlank(DateOnly? date) => date is DateOnly d ? NumberCell(ToSerial(d), DateCell) : new Cell { StyleIndex = DateCell };

    private static double ToSerial(DateOnly date) => date.ToDateTime(TimeOnly.MinValue).ToOADate();

    private static uint RagStyle(string rag) => rag switch
    {
        "green" => Green,
        "amber" => Amber,
        "red" => Red,
        "grey" => Grey,
        _ => Plain,
    };

    /// <summary>1 → A, 27 → AA.</summary>
    public static string ColumnName(int number)
    {
        var name = "";
        while (number > 0)
        {
            var rest = (number - 1) % 26;
            name = (char)('A' + rest) + name;
            number = (number - 1) / 26;
        }

        return name;
    }

    private static void WriteSharedStrings(WorkbookPart workbook, Dictionary<string, int> strings)
    {
        var part = workbook.AddNewPart<SharedStringTablePart>();
        using var writer = OpenXmlWriter.Create(part);
        writer.WriteStartElement(new SharedStringTable { Count = (uint)strings.Count, UniqueCount = (uint)strings.Count });
        foreach (var text in strings.OrderBy(s => s.Value).Select(s => s.Key))
        {
            writer.WriteElement(new SharedStringItem(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }

        writer.WriteEndElement();
    }

    private static Stylesheet Styles()
    {
        static Fill Solid(string argb) => new(new PatternFill(new ForegroundColor { Rgb = argb }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid });
        static CellFormat Format(uint font = 0, uint fill = 0, uint numberFormat = 0) => new()
        {
            FontId = font, FillId = fill, BorderId = 0, FormatId = 0, NumberFormatId = numberFormat,
            ApplyFont = font != 0, ApplyFill = fill != 0, ApplyNumberFormat = numberFormat != 0,
        };

        return new Stylesheet(
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = 164, FormatCode = "yyyy-mm-dd" },
                new NumberingFormat { NumberFormatId = 165, FormatCode = "yyyy-mm-dd hh:mm" },
                new NumberingFormat { NumberFormatId = 166, FormatCode = "0.0" })
            { Count = 3 },
            new Fonts(
                new Font(new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 11 }, new FontName { Val = "Calibri" }),
                new Font(new Bold(), new FontSize { Val = 14 }, new FontName { Val = "Calibri" }))
            { Count = 3 },
            new Fills(
                new Fill(new PatternFill { PatternType = PatternValues.None }),
                new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
                Solid("FFC6EFCE"), // green
                Solid("FFFFEB9C"), // amber
                Solid("FFFFC7CE"), // red
                Solid("FFE8EDEE"), // grey (exempt)
                Solid("FFD8DDE0")) // header
            { Count = 7 },
            new Borders(new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder())) { Count = 1 },
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            new CellFormats(
                Format(),                       // Plain
                Format(font: 1, fill: 6),       // Header
                Format(numberFormat: 164),      // DateCell
                Format(fill: 2),                // Green
                Format(fill: 3),                // Amber
                Format(fill: 4),                // Red
                Format(fill: 5),                // Grey
                Format(font: 2),                // TitleCell
                Format(numberFormat: 166),      // OneDecimal
                Format(numberFormat: 165),      // DateTimeCell
                Format(font: 1))                // Bold
            { Count = 11 },
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }
}

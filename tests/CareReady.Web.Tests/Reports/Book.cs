using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace CareReady.Web.Tests.Reports;

#pragma warning disable CA1822 // every reader is an instance method so that tests read book.Cell(...), book.Date(...) alike

/// <summary>Reads an XLSX the way a spreadsheet program does: sheets by name, cells by reference, shared strings and styles resolved.</summary>
public sealed class Book(SpreadsheetDocument document)
{
    private readonly WorkbookPart _workbook = document.WorkbookPart!;

    private List<string> Strings => _workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList() ?? [];

    private Stylesheet Styles => _workbook.WorkbookStylesPart!.Stylesheet;

    public IReadOnlyList<string> SheetNames => _workbook.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    public Worksheet Sheet(string name)
    {
        var sheet = _workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == name);
        return ((WorksheetPart)_workbook.GetPartById(sheet.Id!)).Worksheet;
    }

    public IReadOnlyList<Cell> Row(Worksheet sheet, uint row) =>
        sheet.GetFirstChild<SheetData>()!.Elements<Row>().SingleOrDefault(r => r.RowIndex! == row)?.Elements<Cell>().ToList() ?? [];

    /// <summary>The texts of a row, "" for numbers, dates and empty cells, up to its last cell.</summary>
    public IReadOnlyList<string> RowTexts(Worksheet sheet, uint row) => Row(sheet, row).Select(Text).ToList();

    public Cell? Cell(Worksheet sheet, string reference) =>
        sheet.GetFirstChild<SheetData>()!.Descendants<Cell>().SingleOrDefault(c => c.CellReference == reference);

    public string Text(Cell? cell) =>
        cell?.DataType?.Value == CellValues.SharedString ? Strings[int.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture)]
        : cell?.DataType?.Value == CellValues.InlineString ? cell.InlineString!.InnerText
        : "";

    public double Number(Cell? cell)
    {
        Assert.NotNull(cell);
        Assert.Null(cell.DataType);
        return double.Parse(cell.CellValue!.Text, CultureInfo.InvariantCulture);
    }

    /// <summary>A real date cell: a number with a date number format.</summary>
    public DateOnly Date(Cell? cell)
    {
        var serial = Number(cell);
        var format = Styles.CellFormats!.Elements<CellFormat>().ElementAt((int)cell!.StyleIndex!.Value);
        var id = format.NumberFormatId!.Value;
        var code = Styles.NumberingFormats?.Elements<NumberingFormat>().SingleOrDefault(n => n.NumberFormatId! == id)?.FormatCode?.Value;
        Assert.True(id is 14 or 15 or 16 or 17 or 22 || (code is not null && code.Contains("yy", StringComparison.Ordinal) && code.Contains('d')),
            $"cell {cell.CellReference} has number format {id} '{code}', not a date format");
        return DateOnly.FromDateTime(DateTime.FromOADate(serial));
    }

    public bool IsBold(Cell cell)
    {
        var format = Styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell.StyleIndex?.Value ?? 0));
        return Styles.Fonts!.Elements<Font>().ElementAt((int)format.FontId!.Value).Bold is not null;
    }

    public string? FillRgb(Cell? cell)
    {
        var format = Styles.CellFormats!.Elements<CellFormat>().ElementAt((int)(cell?.StyleIndex?.Value ?? 0));
        var fill = Styles.Fills!.Elements<Fill>().ElementAt((int)format.FillId!.Value);
        return fill.PatternFill?.ForegroundColor?.Rgb?.Value;
    }

    public (string, string, double, double, double, double, string) SummaryRow(Worksheet sheet, int row) =>
        (Text(Cell(sheet, $"A{row}")), Text(Cell(sheet, $"B{row}")), Number(Cell(sheet, $"C{row}")), Number(Cell(sheet, $"D{row}")),
            Number(Cell(sheet, $"E{row}")), Number(Cell(sheet, $"F{row}")), Text(Cell(sheet, $"G{row}")));
}

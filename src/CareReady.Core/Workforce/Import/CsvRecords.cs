using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace CareReady.Core.Workforce.Import;

/// <summary>One non-blank CSV record and the spreadsheet row it sits on (header = row 1).</summary>
internal sealed record CsvRecord(int Row, string[] Fields);

/// <summary>The records of a file, and — if its last quoted value was never closed — where that value starts.</summary>
internal sealed record CsvRecordSet(IReadOnlyList<CsvRecord> Records, (int Row, int Field)? Unterminated);

/// <summary>
/// Shared first step of every import: reads UTF-8 CSV (with or without a byte order mark) into
/// records numbered as a spreadsheet numbers its rows. A spreadsheet shows one row per record, even
/// when a quoted cell holds a line break, and shows blank lines as rows, so the number counts
/// records including blank ones. Never throws for bad content.
/// </summary>
internal static class CsvRecords
{
    public static CsvRecordSet Read(Stream csv)
    {
        using var text = new StreamReader(csv, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: -1, leaveOpen: true);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            IgnoreBlankLines = false, // blank lines are rows too
            BadDataFound = null,      // a stray quote inside an unquoted value (O"Brien) is kept as written
        };
        using var parser = new CsvParser(text, config);

        var records = new List<CsvRecord>();
        var previousRecordEnd = 0;
        var row = 0;
        (int Row, int Field)? unterminated = null;
        while (parser.Read())
        {
            row++;
            var firstLine = previousRecordEnd + 1;
            previousRecordEnd = parser.RawRow;
            var fields = parser.Record ?? [];

            // A quote that is never closed swallows the rest of the file into one value: only the last
            // record can be like that, so remember it for the caller to report.
            unterminated = parser.RawRow > firstLine && parser.RawRecord.Count(c => c == '"') % 2 == 1
                ? (row, fields.Length - 1)
                : null;

            if (!fields.All(string.IsNullOrWhiteSpace))
            {
                records.Add(new CsvRecord(row, fields));
            }
        }

        return new CsvRecordSet(records, unterminated);
    }

    /// <summary>The error for a quoted value that was never closed.</summary>
    public static ImportError UnterminatedQuote(int row, string column) => new(row, column, "",
        "a closing quotation mark (\") for the quoted value that starts on this row; without it the rest of the file is read as one value");
}

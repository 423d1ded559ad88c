using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace CareReady.Core.Reports;

/// <summary>
/// A CSV writer for files people open in a spreadsheet: UTF-8 with a byte-order mark (so Excel reads
/// names correctly), invariant culture, and text a spreadsheet would run as a formula escaped
/// (a name typed as "=HYPERLINK(…)" stays text). Disposing it flushes; the stream stays open.
/// </summary>
public static class SpreadsheetCsv
{
    public static CsvWriter Create(Stream output)
    {
        var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 65536, leaveOpen: true);
        return new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = InjectionOptions.Escape });
    }
}

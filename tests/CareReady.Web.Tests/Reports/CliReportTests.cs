using System.Diagnostics;
using System.Text;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using DocumentFormat.OpenXml.Packaging;

namespace CareReady.Web.Tests.Reports;

/// <summary>The real `careready report matrix` command, run as a process against a SQLite database file.</summary>
public class CliReportTests
{
    [Fact]
    public async Task Report_matrix_writes_an_xlsx_that_opens_and_explains_bad_arguments()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite);
        await EvidencePackData.AddAsync(app);
        var folder = Directory.CreateTempSubdirectory("careready-report-");
        try
        {
            var file = Path.Combine(folder.FullName, "ward-a.xlsx");

            var run = await CliRunner.RunAsync(app, folder.FullName, "report", "matrix", "--unit", "WARD-A", "--as-of", "2026-03-02", "--format", "xlsx", "--out", file, "--org", "RTA");

            Assert.True(run.ExitCode == 0, $"exit code {run.ExitCode}\n{run.StdErr}");
            Assert.Contains("Wrote ward-a.xlsx: training matrix of Ward A as of 2026-03-02, 2 people × 2 competencies, 1 exemption(s), 1 prior learning record(s).", run.StdOut, StringComparison.Ordinal);
            Assert.DoesNotContain("Okafor", run.StdOut + run.StdErr, StringComparison.Ordinal); // no personal data on the console
            using (var document = SpreadsheetDocument.Open(file, false))
            {
                var book = new Book(document);
                var matrix = book.Sheet("Training matrix");
                Assert.Equal(["Okafor", "Amara", "10000001", "Ward A", "Staff Nurse", "NMR", "Up to date"], book.RowTexts(matrix, 2).Take(7));
                Assert.Equal(new DateOnly(2027, 3, 2), book.Date(book.Cell(matrix, "I2")));
                Assert.Equal("Exempt", book.Text(book.Cell(matrix, "J3")));
            }

            // The format follows from the file name when --format is left out; the date may be DD/MM/YYYY.
            var pdf = Path.Combine(folder.FullName, "pack.pdf");
            var byExtension = await CliRunner.RunAsync(app, folder.FullName, "report", "matrix", "--unit", "ward-a", "--as-of", "01/03/2025", "--out", pdf, "--org", "rta");
            Assert.True(byExtension.ExitCode == 0, $"exit code {byExtension.ExitCode}\n{byExtension.StdErr}");
            Assert.Equal("%PDF-", Encoding.ASCII.GetString(File.ReadAllBytes(pdf), 0, 5));

            var unknownUnit = await CliRunner.RunAsync(app, folder.FullName, "report", "matrix", "--unit", "WARD-Z", "--format", "csv", "--out", Path.Combine(folder.FullName, "x.csv"), "--org", "RTA");
            Assert.Equal(2, unknownUnit.ExitCode);
            Assert.Contains("No department with code 'WARD-Z' in RTA.", unknownUnit.StdErr, StringComparison.Ordinal);

            var badFormat = await CliRunner.RunAsync(app, folder.FullName, "report", "matrix", "--format", "docx", "--out", Path.Combine(folder.FullName, "x.docx"), "--org", "RTA");
            Assert.Equal(2, badFormat.ExitCode);
            Assert.Contains("Unknown format 'docx': expected csv, xlsx or pdf.", badFormat.StdErr, StringComparison.Ordinal);

            var badDate = await CliRunner.RunAsync(app, folder.FullName, "report", "matrix", "--as-of", "2026-02-30", "--out", Path.Combine(folder.FullName, "x.csv"), "--org", "RTA");
            Assert.Equal(2, badDate.ExitCode);
            Assert.Contains("Invalid --as-of '2026-02-30': expected a date as YYYY-MM-DD or DD/MM/YYYY.", badDate.StdErr, StringComparison.Ordinal);

            var ambiguous = await CliRunner.RunAsync(app, folder.FullName, "report", "matrix", "--out", Path.Combine(folder.FullName, "x.csv"));
            Assert.Equal(2, ambiguous.ExitCode);
            Assert.Contains("choose one with --org (RTA, RTB)", ambiguous.StdErr, StringComparison.Ordinal);
            Assert.False(File.Exists(Path.Combine(folder.FullName, "x.csv")));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

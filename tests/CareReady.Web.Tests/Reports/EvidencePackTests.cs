using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;
using CsvHelper;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using DocumentFormat.OpenXml.Validation;

namespace CareReady.Web.Tests.Reports;

/// <summary>
/// GET /api/v1/reports/matrix: the inspection evidence pack as CSV, XLSX and PDF, read back and checked
/// cell by cell; who may have which unit; and "as of" a past day.
/// </summary>
public class EvidencePackTests
{
    private const string Csv = "text/csv";
    private const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private static readonly string[] WardAHeader =
    [
        "Last name", "First name", "Employee number", "Department", "Job role", "Staff group",
        "CSTF-FIRE-1 status", "CSTF-FIRE-1 completed", "CSTF-FIRE-1 expires",
        "CSTF-RES-2A status", "CSTF-RES-2A completed", "CSTF-RES-2A expires",
    ];

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Csv_has_one_row_per_person_with_exact_statuses_and_dates_then_the_subject_summary(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await EvidencePackData.AddAsync(app);
        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);

        var response = await client.GetAsync("/api/v1/reports/matrix?unit=WARD-A&asOf=2026-03-02&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Csv, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("training-matrix-WARD-A-2026-03-02.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]); // UTF-8 BOM: Excel reads names correctly

        var (matrix, summary) = ParseCsv(bytes);
        Assert.Equal(WardAHeader, matrix[0]);
        Assert.Equal(
        [
            ["Okafor", "Amara", "10000001", "Ward A", "Staff Nurse", "NMR", "Up to date", "2025-03-02", "2027-03-02", "Up to date", "2025-11-10", "2026-11-10"],
            ["Sharma", "Dev", "10000004", "Ward A", "Ward Manager", "NMR", "Overdue", "", "2020-02-05", "Exempt", "", "2026-06-01"],
        ], matrix.Skip(1).ToArray());
        Assert.Equal(
        [
            ["Subject code", "Subject", "Required", "Compliant", "Percent compliant", "Target percent", "Target met"],
            ["CSTF-FIRE", "Fire Safety", "2", "1", "50.0", "90", "No"],
            ["CSTF-RES", "Resuscitation", "2", "2", "100.0", "90", "Yes"],
        ], summary.ToArray());
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Whole_organisation_pack_marks_competencies_a_person_does_not_need_as_not_required(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.AdminEmail);

        var response = await client.GetAsync("/api/v1/reports/matrix?format=csv"); // unit: whole organisation; as of: today (the test clock)

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("training-matrix-RTA-2026-03-02.csv", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var (matrix, summary) = ParseCsv(await response.Content.ReadAsByteArrayAsync());
        // Columns by subject then level: Fire Safety; Resuscitation level 1 (non-clinical), level 2 adult (clinical).
        Assert.Equal(["CSTF-FIRE-1 status", "CSTF-RES-1 status", "CSTF-RES-2A status"], matrix[0].Where(h => h.EndsWith(" status", StringComparison.Ordinal)));
        // Every member of organisation A, nobody from organisation B.
        Assert.Equal(["Hughes", "Okafor", "Patel", "Sharma"], matrix.Skip(1).Select(r => r[0]));
        var patel = matrix.Single(r => r[0] == "Patel");
        Assert.Equal(["Finance", "Overdue", "", "2020-02-05", "Overdue", "", "2020-02-05", "Not required", "", ""], [patel[3], .. patel[6..]]);
        var okafor = matrix.Single(r => r[0] == "Okafor");
        Assert.Equal(["Not required", "", ""], okafor[9..12]);
        Assert.Equal([("CSTF-FIRE", "4", "1"), ("CSTF-RES", "4", "0")], summary.Skip(1).Select(r => (r[0], r[2], r[3])));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Xlsx_is_a_real_spreadsheet_with_filters_frozen_panes_date_cells_and_the_summary(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await EvidencePackData.AddAsync(app);
        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);

        var response = await client.GetAsync("/api/v1/reports/matrix?unit=WARD-A&asOf=2026-03-02&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Xlsx, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("training-matrix-WARD-A-2026-03-02.xlsx", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        Assert.Empty(new OpenXmlValidator(FileFormatVersions.Office2016).Validate(document));
        var book = new Book(document);
        Assert.Equal(["Training matrix", "Summary", "Exemptions", "Prior learning"], book.SheetNames);

        // The matrix: bold header row, filter over the data, header row and two name columns frozen.
        var matrix = book.Sheet("Training matrix");
        Assert.Equal(WardAHeader, book.RowTexts(matrix, 1));
        Assert.All(book.Row(matrix, 1), c => Assert.True(book.IsBold(c)));
        Assert.Equal("A1:L3", matrix.Elements<AutoFilter>().Single().Reference!.Value);
        var pane = matrix.GetFirstChild<SheetViews>()!.Elements<SheetView>().Single().Elements<Pane>().Single();
        Assert.Equal(PaneStateValues.Frozen, pane.State!.Value);
        Assert.Equal(2, pane.HorizontalSplit!.Value);
        Assert.Equal(1, pane.VerticalSplit!.Value);
        Assert.Equal("C2", pane.TopLeftCell!.Value);

        Assert.Equal(["Okafor", "Amara", "10000001", "Ward A", "Staff Nurse", "NMR", "Up to date", "", "", "Up to date", "", ""], book.RowTexts(matrix, 2));
        Assert.Equal(new DateOnly(2025, 3, 2), book.Date(book.Cell(matrix, "H2")));
        Assert.Equal(new DateOnly(2027, 3, 2), book.Date(book.Cell(matrix, "I2")));
        Assert.Equal(new DateOnly(2025, 11, 10), book.Date(book.Cell(matrix, "K2")));
        Assert.Equal(new DateOnly(2026, 11, 10), book.Date(book.Cell(matrix, "L2")));
        Assert.Equal("Overdue", book.Text(book.Cell(matrix, "G3")));
        Assert.Equal(new DateOnly(2020, 2, 5), book.Date(book.Cell(matrix, "I3")));
        Assert.Equal("Exempt", book.Text(book.Cell(matrix, "J3")));
        Assert.Equal(new DateOnly(2026, 6, 1), book.Date(book.Cell(matrix, "L3")));
        Assert.Equal("FFC6EFCE", book.FillRgb(book.Cell(matrix, "G2"))); // green
        Assert.Equal("FFFFC7CE", book.FillRgb(book.Cell(matrix, "G3"))); // red
        Assert.Equal("FFE8EDEE", book.FillRgb(book.Cell(matrix, "J3"))); // grey: exempt

        // Summary: what the pack is, then each subject against its target.
        var summary = book.Sheet("Summary");
        Assert.Equal("Training matrix — Ward A", book.Text(book.Cell(summary, "A1")));
        Assert.Equal("Ward A (WARD-A)", book.Text(book.Cell(summary, "B3")));
        Assert.Equal(new DateOnly(2026, 3, 2), book.Date(book.Cell(summary, "B4")));
        Assert.Equal(2, book.Number(book.Cell(summary, "B6")));
        var header = Enumerable.Range(1, 30).First(r => book.Text(book.Cell(summary, $"A{r}")) == "Subject code");
        Assert.Equal(["Subject code", "Subject", "Required", "Compliant", "Percent compliant", "Target percent", "Target met"], book.RowTexts(summary, (uint)header));
        Assert.Equal(("CSTF-FIRE", "Fire Safety", 2d, 1d, 50d, 90d, "No"), book.SummaryRow(summary, header + 1));
        Assert.Equal(("CSTF-RES", "Resuscitation", 2d, 2d, 100d, 90d, "Yes"), book.SummaryRow(summary, header + 2));

        var exemptions = book.Sheet("Exemptions");
        Assert.Equal(["Sharma", "Dev", "10000004", "CSTF-RES-2A", "Resuscitation — Level 2 Adult Basic Life Support", EvidencePackData.ExemptionReason, EvidencePackData.ExemptionApprover],
            book.RowTexts(exemptions, 2).Take(7));
        Assert.Equal([new DateOnly(2025, 12, 20), EvidencePackData.ExemptFrom, EvidencePackData.ExemptEnds], new[] { "H2", "I2", "J2" }.Select(r => book.Date(book.Cell(exemptions, r))));
        Assert.Null(book.Cell(exemptions, "A3"));

        var prior = book.Sheet("Prior learning");
        Assert.Equal(["Okafor", "Amara", "10000001", "CSTF-RES-2A"], book.RowTexts(prior, 2).Take(4));
        Assert.Equal(EvidencePackData.PriorLearningOn, book.Date(book.Cell(prior, "F2")));
        Assert.Equal(EvidencePackData.PriorEmployer, book.Text(book.Cell(prior, "G2")));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Pdf_is_a_paginated_document_naming_the_unit_and_its_staff(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await EvidencePackData.AddAsync(app);
        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);

        var response = await client.GetAsync("/api/v1/reports/matrix?unit=WARD-A&asOf=2026-03-02&format=pdf");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("training-matrix-WARD-A-2026-03-02.pdf", response.Content.Headers.ContentDisposition!.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal("%PDF-", Encoding.ASCII.GetString(bytes, 0, 5));

        var pdf = PdfText.Read(bytes);
        Assert.Equal("Training matrix — Ward A", pdf.Title);
        Assert.Equal(3, pdf.PageCount); // cover and summary; the matrix; exemptions and prior learning
        for (var i = 0; i < pdf.PageCount; i++)
        {
            Assert.Contains($"Page {i + 1} of {pdf.PageCount}", pdf.Pages[i], StringComparison.Ordinal);
        }

        var cover = pdf.Pages[0];
        Assert.Contains("Training matrix — Ward A", cover, StringComparison.Ordinal);
        Assert.Contains("Alpha Test Hospitals NHS Trust (RTA)", cover, StringComparison.Ordinal);
        Assert.Contains("Ward A (WARD-A)", cover, StringComparison.Ordinal);
        Assert.Contains("2 March 2026", cover, StringComparison.Ordinal);
        Assert.Contains("Fire Safety", cover, StringComparison.Ordinal);

        var matrix = pdf.Pages[1];
        Assert.Contains("Okafor, Amara", matrix, StringComparison.Ordinal);
        Assert.Contains("Sharma, Dev", matrix, StringComparison.Ordinal);
        Assert.Contains("CSTF-RES-2A", matrix, StringComparison.Ordinal);
        Assert.Contains("exp 2 Mar 2027", matrix, StringComparison.Ordinal);
        Assert.Contains("Exempt", matrix, StringComparison.Ordinal);

        var evidence = pdf.Pages[2];
        Assert.Contains(EvidencePackData.ExemptionReason, evidence, StringComparison.Ordinal);
        Assert.Contains(EvidencePackData.PriorEmployer, evidence, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Pdf_splits_many_competencies_into_column_groups_and_repeats_the_header_on_every_page(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await using (var db = app.NewDbContext())
        {
            // Everyone in organisation A needs every CSTF competency: more columns than fit across one page.
            var ids = db.Competencies.Where(c => c.Code.StartsWith("CSTF-")).Select(c => c.Id).ToList();
            db.RequirementRules.AddRange(ids.Select(id => new Core.Requirements.RequirementRule { OrganisationId = app.Data.OrgA, Name = "All CSTF " + id, CompetencyId = id }));
            await db.SaveChangesAsync();
        }

        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);
        var bytes = await client.GetByteArrayAsync("/api/v1/reports/matrix?format=pdf&asOf=2026-03-02");

        var pdf = PdfText.Read(bytes);
        var matrixPages = pdf.Pages.Where(p => p.Contains("Training matrix — competencies", StringComparison.Ordinal)).ToList();
        Assert.True(matrixPages.Count >= 2, "the competencies are split over at least two column groups");
        Assert.All(matrixPages, p =>
        {
            Assert.Contains("Name", p, StringComparison.Ordinal);
            Assert.Contains("Okafor, Amara", p, StringComparison.Ordinal);
        });
        Assert.Contains("CSTF-FIRE-1", string.Join("\n", matrixPages), StringComparison.Ordinal);
        Assert.Contains($"Page {pdf.PageCount} of {pdf.PageCount}", pdf.Pages[^1], StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task As_of_a_past_day_ignores_later_completions_exemptions_and_prior_learning(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        await EvidencePackData.AddAsync(app);
        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);

        // The day before Nurse A's fire safety completion (2 March 2025).
        var response = await client.GetAsync("/api/v1/reports/matrix?unit=WARD-A&asOf=2025-03-01&format=xlsx");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = SpreadsheetDocument.Open(stream, false);
        var book = new Book(document);
        var matrix = book.Sheet("Training matrix");
        Assert.Equal(["Okafor", "Amara", "10000001", "Ward A", "Staff Nurse", "NMR", "Overdue", "", "", "Overdue", "", ""], book.RowTexts(matrix, 2));
        Assert.Null(book.Cell(matrix, "H2")!.CellValue);
        Assert.Equal(new DateOnly(2020, 2, 5), book.Date(book.Cell(matrix, "I2")));
        Assert.Equal("Overdue", book.Text(book.Cell(matrix, "J3"))); // Dev Sharma's exemption starts in 2026
        var summary = book.Sheet("Summary");
        var header = Enumerable.Range(1, 30).First(r => book.Text(book.Cell(summary, $"A{r}")) == "Subject code");
        Assert.Equal(("CSTF-FIRE", "Fire Safety", 2d, 0d, 0d, 90d, "No"), book.SummaryRow(summary, header + 1));
        Assert.Null(book.Cell(book.Sheet("Exemptions"), "A2"));
        Assert.Null(book.Cell(book.Sheet("Prior learning"), "A2"));
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Managers_get_only_units_in_their_scope_and_learners_none(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var manager = await app.SignedInClientAsync(TestData.ManagerEmail);

        var own = await manager.GetAsync("/api/v1/reports/matrix?unit=WARD-A&format=csv");
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(["Okafor", "Sharma"], ParseCsv(await own.Content.ReadAsByteArrayAsync()).Matrix.Skip(1).Select(r => r[0]));
        Assert.Equal(HttpStatusCode.OK, (await manager.GetAsync("/api/v1/reports/matrix?unit=ward-a&format=pdf")).StatusCode);

        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/v1/reports/matrix?unit=WARD-B&format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/v1/reports/matrix?unit=D-MED&format=xlsx")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync("/api/v1/reports/matrix?unit=NOPE&format=csv")).StatusCode);

        // No unit: everything the manager may see, and nobody else.
        var all = await manager.GetAsync("/api/v1/reports/matrix?format=csv");
        Assert.Equal(["Okafor", "Sharma"], ParseCsv(await all.Content.ReadAsByteArrayAsync()).Matrix.Skip(1).Select(r => r[0]));

        // Another organisation's ward with the same code is not theirs either.
        var other = await app.SignedInClientAsync(TestData.OtherOrgComplianceEmail);
        var beta = ParseCsv(await other.GetByteArrayAsync("/api/v1/reports/matrix?unit=WARD-A&format=csv&asOf=2026-03-02")).Matrix;
        Assert.Equal(["Walsh"], beta.Skip(1).Select(r => r[0]));

        var learner = await app.SignedInClientAsync(TestData.LearnerEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await learner.GetAsync("/api/v1/reports/matrix?unit=WARD-A&format=csv")).StatusCode);
        var educator = await app.SignedInClientAsync(TestData.EducatorEmail);
        Assert.Equal(HttpStatusCode.Forbidden, (await educator.GetAsync("/api/v1/reports/matrix?format=csv")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.NewClient().GetAsync("/api/v1/reports/matrix?format=csv")).StatusCode);
    }

    [Theory]
    [MemberData(nameof(Providers.All), MemberType = typeof(Providers))]
    public async Task Bad_format_or_date_is_a_problem_naming_the_parameter(DatabaseProvider provider)
    {
        await using var app = await TestApp.StartAsync(provider);
        var client = await app.SignedInClientAsync(TestData.ComplianceEmail);

        var response = await client.GetAsync("/api/v1/reports/matrix?unit=WARD-A&asOf=31/02/2026&format=docx");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors");
        Assert.Equal("format must be csv, xlsx or pdf", errors.GetProperty("format")[0].GetString());
        Assert.Equal("asOf must be a date as YYYY-MM-DD", errors.GetProperty("asOf")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/api/v1/reports/matrix?unit=WARD-A")).StatusCode);
    }

    internal static (List<string[]> Matrix, List<string[]> Summary) ParseCsv(byte[] bytes)
    {
        using var reader = new StreamReader(new MemoryStream(bytes), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var records = new List<string[]>();
        var blank = -1;
        using (var csv = new CsvParser(reader, new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { IgnoreBlankLines = false }))
        {
            while (csv.Read())
            {
                var record = csv.Record!;
                if (record.Length == 1 && record[0].Length == 0 && blank < 0)
                {
                    blank = records.Count;
                    continue;
                }

                records.Add(record);
            }
        }

        Assert.True(blank > 0, "a blank line separates the matrix from the summary");
        return (records[..blank], records[blank..]);
    }
}

using CareReady.Core.Compliance;

namespace CareReady.Core.Tests.Compliance;

public class LatestCompletionsTests
{
    [Fact]
    public void A_bulk_load_marks_the_latest_day_and_on_ties_the_last_row()
    {
        var rows = new List<Completion>
        {
            new() { StaffMemberId = 1, CompetencyId = 7, CompletedOn = new DateOnly(2025, 1, 1) },
            new() { StaffMemberId = 1, CompetencyId = 7, CompletedOn = new DateOnly(2025, 3, 1) },
            new() { StaffMemberId = 1, CompetencyId = 7, CompletedOn = new DateOnly(2025, 3, 1) },
            new() { StaffMemberId = 1, CompetencyId = 7, CompletedOn = new DateOnly(2024, 3, 1) },
            new() { StaffMemberId = 2, CompetencyId = 7, CompletedOn = new DateOnly(2020, 3, 1) },
            new() { StaffMemberId = 1, CompetencyId = 8, CompletedOn = new DateOnly(2021, 3, 1), IsLatest = true },
        };
        LatestCompletions.MarkNew(rows);
        Assert.Equal([false, false, true, false, true, true], rows.Select(r => r.IsLatest));
    }
}

using CareReady.Core.Competencies;

namespace CareReady.Core.Tests.Competencies;

public class CompetencyCodeListTests
{
    [Fact]
    public void Codes_split_on_commas_semicolons_and_lines_trimmed_without_empty_entries()
    {
        Assert.Equal(["CSTF-FIRE-1", "CSTF-IPC-1", "CSTF-RES-2A"], CompetencyCodeList.Parse(" CSTF-FIRE-1, CSTF-IPC-1;\nCSTF-RES-2A ,, "));
        Assert.Empty(CompetencyCodeList.Parse(null));
        Assert.Empty(CompetencyCodeList.Parse("  "));
    }
}

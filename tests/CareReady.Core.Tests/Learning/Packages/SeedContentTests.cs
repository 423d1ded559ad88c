using CareReady.Core.Learning;
using CareReady.Core.Learning.Packages;

namespace CareReady.Core.Tests.Learning.Packages;

/// <summary>The modules shipped in content/modules: every one is a valid package and survives export and re-import.</summary>
public class SeedContentTests
{
    public static TheoryData<string> Packages => [.. SeedContent.Packages];

    [Fact]
    public void The_fourteen_seed_modules_are_embedded()
    {
        Assert.Equal(
            ["ai-decision-support", "ai-ethics-accountability", "conflict-resolution", "data-literacy", "equality-diversity-human-rights", "fire-safety",
             "health-safety-welfare", "infection-prevention", "information-governance", "moving-and-handling", "preventing-radicalisation",
             "resuscitation-awareness", "safeguarding-adults", "safeguarding-children"],
            SeedContent.Packages.Select(p => p[(SeedContent.Folder.Length + 1)..]));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_seed_module_is_a_valid_package(string package)
    {
        var validation = TestPackages.Validate(SeedContent.Open(package));

        Assert.True(validation.IsValid, package + ":\n" + string.Join("\n", validation.Problems));
    }

    [Theory]
    [MemberData(nameof(Packages))]
    public void Every_seed_module_exports_to_a_package_that_imports_as_the_same_content(string package)
    {
        var original = TestPackages.Validate(SeedContent.Open(package));
        Assert.True(original.IsValid, string.Join("\n", original.Problems));

        var files = PackageWriter.Files(original.ModuleCode!, original.Content!, TestPackages.CompetencyCodes);
        using var zip = new MemoryStream(PackageWriter.Zip(files, DateTimeOffset.UnixEpoch));
        using var source = ZipPackageSource.Open(zip);
        var again = TestPackages.Validate(source);

        Assert.True(again.IsValid, string.Join("\n", again.Problems));
        Assert.Equal(original.ModuleCode, again.ModuleCode);
        ContentAssert.Equal(original.Content!, again.Content!);
    }
}

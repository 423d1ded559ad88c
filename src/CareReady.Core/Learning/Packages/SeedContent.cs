using System.Reflection;

namespace CareReady.Core.Learning.Packages;

/// <summary>One seed package and what importing it did.</summary>
public sealed record SeedModuleResult(string Package, ContentImportResult Result);

/// <summary>
/// The modules that ship with CareReady: the package folders under the repository's content/modules,
/// embedded in this assembly (CareReady.Core.csproj). They are imported published, and a module whose
/// code the organisation already has is left alone, so seeding twice changes nothing.
/// </summary>
public sealed class SeedContent(ImportContentPackage import)
{
    public const string Folder = "content/modules";

    private static readonly Assembly Assembly = typeof(SeedContent).Assembly;

    /// <summary>The seed packages ("content/modules/fire-safety", …), by name.</summary>
    public static IReadOnlyList<string> Packages => EmbeddedPackageSource.FoldersUnder(Assembly, Folder);

    public static IPackageSource Open(string package) => new EmbeddedPackageSource(Assembly, package);

    /// <exception cref="InvalidOperationException">A seed package is not valid (a defect of the build: the tests check every one).</exception>
    public async Task<IReadOnlyList<SeedModuleResult>> ImportAllAsync(int organisationId, string importedBy, CancellationToken ct = default)
    {
        var results = new List<SeedModuleResult>();
        foreach (var package in Packages)
        {
            var result = await import.RunAsync(organisationId, Open(package), new ContentImportOptions(importedBy, Publish: true, SkipExistingModule: true), ct);
            if (!result.Imported && !result.Skipped)
            {
                throw new InvalidOperationException($"The seed package {package} was refused: {string.Join("; ", result.Problems.Take(5))}");
            }

            results.Add(new SeedModuleResult(package, result));
        }

        return results;
    }
}

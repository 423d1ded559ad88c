using System.Reflection;

namespace CareReady.Core.Learning.Packages;

/// <summary>
/// A package folder embedded in an assembly, each file a resource whose name is its path from the
/// repository root (<c>content/modules/fire-safety/lessons/01-why.md</c>); see CareReady.Core.csproj.
/// </summary>
public sealed class EmbeddedPackageSource(Assembly assembly, string folder) : IPackageSource
{
    private readonly string prefix = folder.TrimEnd('/') + "/";

    public string Name => folder;

    public IReadOnlyList<PackageProblem> Problems => Entries.Any() ? [] : [PackageProblem.OfPackage($"no embedded package {folder}")];

    public IEnumerable<PackageEntry> Entries =>
        from resource in assembly.GetManifestResourceNames()
        let name = resource.Replace('\\', '/')
        where name.StartsWith(prefix, StringComparison.Ordinal)
        let path = name[prefix.Length..]
        where !path.Split('/').Any(segment => segment.StartsWith('.'))
        orderby path
        select new PackageEntry(path, null, () => assembly.GetManifestResourceStream(resource)!);

    /// <summary>The package folders directly below <paramref name="parent"/> (e.g. "content/modules"), by name.</summary>
    public static IReadOnlyList<string> FoldersUnder(Assembly assembly, string parent)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var prefix = parent.TrimEnd('/') + "/";
        return assembly.GetManifestResourceNames()
            .Select(r => r.Replace('\\', '/'))
            .Where(r => r.StartsWith(prefix, StringComparison.Ordinal) && r.IndexOf('/', prefix.Length) > 0)
            .Select(r => prefix + r[prefix.Length..r.IndexOf('/', prefix.Length)])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
    }
}

namespace CareReady.Core.Learning.Packages;

/// <summary>One file a package source offers: its path inside the package and a way to read it.</summary>
/// <param name="Path">As the source names it (not yet checked: <see cref="PackageReader"/> checks it).</param>
/// <param name="CompressedLength">The stored size, for a zip entry (to check the compression ratio); null otherwise.</param>
/// <param name="Open">Opens the file's content. The size is measured while reading, never taken on trust.</param>
public sealed record PackageEntry(string Path, long? CompressedLength, Func<Stream> Open);

/// <summary>
/// Where a package's files come from: a zip (<see cref="ZipPackageSource"/>), a folder on disk
/// (<see cref="FolderPackageSource"/>) or a folder embedded in the assembly (<see cref="EmbeddedPackageSource"/>,
/// the seed content). <see cref="PackageReader"/> reads every kind with the same checks.
/// </summary>
public interface IPackageSource
{
    /// <summary>What a person calls the package in messages ("fire-safety.zip").</summary>
    string Name { get; }

    /// <summary>Problems found before any file is read (not a zip, too large, too many entries); when any, nothing is read.</summary>
    IReadOnlyList<PackageProblem> Problems { get; }

    IEnumerable<PackageEntry> Entries { get; }
}

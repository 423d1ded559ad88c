namespace CareReady.Core.Learning.Packages;

/// <summary>
/// A package laid out as a folder on disk (how the seed content is written). Hidden files and folders
/// (names starting with '.') are ignored; links are refused so nothing outside the folder is read.
/// </summary>
public sealed class FolderPackageSource : IPackageSource
{
    private readonly DirectoryInfo root;

    public FolderPackageSource(string folder)
    {
        root = new DirectoryInfo(folder);
        Problems = root.Exists ? [] : [PackageProblem.OfPackage($"the folder {folder} does not exist")];
    }

    public string Name => root.Name;

    public IReadOnlyList<PackageProblem> Problems { get; }

    public IEnumerable<PackageEntry> Entries => Walk(root);

    private IEnumerable<PackageEntry> Walk(DirectoryInfo folder)
    {
        foreach (var item in folder.EnumerateFileSystemInfos().OrderBy(i => i.Name, StringComparer.Ordinal))
        {
            if (item.Name.StartsWith('.'))
            {
                continue;
            }

            var path = Path.GetRelativePath(root.FullName, item.FullName).Replace(Path.DirectorySeparatorChar, '/');
            if (item.LinkTarget is not null)
            {
                yield return new PackageEntry(path, null, () => throw new PackageEntryException("is a link; a package folder holds only plain files"));
            }
            else if (item is DirectoryInfo sub)
            {
                foreach (var entry in Walk(sub))
                {
                    yield return entry;
                }
            }
            else
            {
                yield return new PackageEntry(path, null, () => File.OpenRead(item.FullName));
            }
        }
    }
}

/// <summary>A file of a package cannot be read; the message says why (it becomes a <see cref="PackageProblem"/>).</summary>
public sealed class PackageEntryException : Exception
{
    public PackageEntryException() : base("cannot be read")
    {
    }

    public PackageEntryException(string message) : base(message)
    {
    }

    public PackageEntryException(string message, Exception inner) : base(message, inner)
    {
    }
}

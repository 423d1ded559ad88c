namespace CareReady.Core.Learning.Packages;

/// <summary>The files of a package that passed the reading checks, and every problem found reading it.</summary>
public sealed record PackageReadResult(IReadOnlyDictionary<string, byte[]> Files, IReadOnlyList<PackageProblem> Problems);

/// <summary>
/// Reads a package's files into memory with the limits of docs/content-packages.md: number of
/// entries, allowed paths (zip slip), and sizes measured while reading — per file, all files together
/// and, for zip entries, the compression ratio — never taken from headers. A file that breaks a rule
/// is left out and reported; reading goes on so every problem is listed, except when the total is
/// exceeded or the package itself is refused.
/// </summary>
public static class PackageReader
{
    private const int ChunkBytes = 81920;

    public static PackageReadResult Read(IPackageSource source) => Read(source, PackagePaths.Check, PackageLimits.MaxBytesOf);

    /// <summary>
    /// Reads a package of another kind (a cmi5 course) with the same limits, entry count, compression
    /// ratio and total checks, but its own rule for which paths it may hold and how large each may be.
    /// </summary>
    /// <param name="checkPath">Why a path is refused, or null (should start with <see cref="PackagePaths.CheckSafe"/>).</param>
    /// <param name="maxBytesOf">The largest a file at that path may be uncompressed.</param>
    public static PackageReadResult Read(IPackageSource source, Func<string, string?> checkPath, Func<string, long> maxBytesOf)
    {
        ArgumentNullException.ThrowIfNull(checkPath);
        ArgumentNullException.ThrowIfNull(maxBytesOf);
        ArgumentNullException.ThrowIfNull(source);
        var files = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var problems = new List<PackageProblem>(source.Problems);
        if (problems.Count > 0)
        {
            return new PackageReadResult(files, problems);
        }

        var refused = new List<string>();
        var count = 0;
        long total = 0;
        foreach (var entry in source.Entries)
        {
            if (++count > PackageLimits.MaxEntries)
            {
                problems.Add(PackageProblem.OfPackage($"the package holds more than {PackageLimits.MaxEntries} files"));
                break;
            }

            if (checkPath(entry.Path) is { } why)
            {
                problems.Add(new PackageProblem(entry.Path, null, why));
                refused.Add(entry.Path);
                continue;
            }

            if (files.ContainsKey(entry.Path))
            {
                problems.Add(new PackageProblem(entry.Path, null, "appears more than once in the package"));
                continue;
            }

            var read = ReadEntry(entry, PackageLimits.MaxTotalBytes - total, maxBytesOf(entry.Path));
            total += read.BytesRead;
            if (read.Problem is not null)
            {
                problems.Add(read.Problem);
            }
            else
            {
                files.Add(entry.Path, read.Content!);
            }

            if (read.TotalExceeded)
            {
                break;
            }
        }

        if (!files.ContainsKey(PackagePaths.Manifest) && refused.FirstOrDefault(p => p.EndsWith("/" + PackagePaths.Manifest, StringComparison.Ordinal)) is { } nested)
        {
            problems.Add(PackageProblem.OfPackage(
                $"the files are inside a folder ({nested}): module.yaml, questions.yaml, lessons/ and media/ must be at the top of the zip (zip the folder's contents, not the folder)"));
        }

        return new PackageReadResult(files, problems);
    }

    private sealed record EntryRead(byte[]? Content, long BytesRead, PackageProblem? Problem, bool TotalExceeded = false);

    private static EntryRead ReadEntry(PackageEntry entry, long totalLeft, long limit)
    {
        var ratioLimit = entry.CompressedLength is long compressed
            ? Math.Max(compressed, 1) * PackageLimits.MaxCompressionRatio
            : long.MaxValue;
        var content = new MemoryStream();
        var chunk = new byte[ChunkBytes];
        try
        {
            using var stream = entry.Open();
            int n;
            while ((n = stream.Read(chunk, 0, chunk.Length)) > 0)
            {
                content.Write(chunk, 0, n);
                var size = content.Length;
                if (size > totalLeft)
                {
                    return new EntryRead(null, size, PackageProblem.OfPackage(
                        $"the files add up to more than {PackageLimits.Megabytes(PackageLimits.MaxTotalBytes)} uncompressed"), TotalExceeded: true);
                }

                if (size > limit)
                {
                    return new EntryRead(null, size, new PackageProblem(entry.Path, null,
                        $"is larger than {PackageLimits.Megabytes(limit)} uncompressed (the limit for {(limit == PackageLimits.MaxTextFileBytes ? "Markdown and YAML files" : "one file")})"));
                }

                if (size > ratioLimit)
                {
                    return new EntryRead(null, size, new PackageProblem(entry.Path, null,
                        $"expands more than {PackageLimits.MaxCompressionRatio} times its compressed size (a zip bomb?)"));
                }
            }
        }
        catch (Exception e) when (e is PackageEntryException or InvalidDataException or IOException or NotSupportedException or UnauthorizedAccessException)
        {
            return new EntryRead(null, content.Length, new PackageProblem(entry.Path, null,
                e is PackageEntryException ? e.Message : "cannot be read (damaged, encrypted or compressed in a way that is not supported)"));
        }

        return new EntryRead(content.ToArray(), content.Length, null);
    }
}

using System.Buffers.Binary;
using System.IO.Compression;

namespace CareReady.Core.Learning.Packages;

/// <summary>
/// A package as a zip file. Before anything is decompressed the package size and the number of
/// entries (from the zip's own directory record, so a zip claiming a million entries is refused
/// without listing them) are checked; each entry is then measured by <see cref="PackageReader"/> as it is read.
/// </summary>
public sealed class ZipPackageSource : IPackageSource, IDisposable
{
    private readonly ZipArchive? archive;
    private readonly Stream? buffer;

    private ZipPackageSource(string name, ZipArchive? archive, Stream? buffer, IReadOnlyList<PackageProblem> problems)
    {
        Name = name;
        this.archive = archive;
        this.buffer = buffer;
        Problems = problems;
    }

    public string Name { get; }

    public IReadOnlyList<PackageProblem> Problems { get; }

    /// <summary>Files only: folder entries ("lessons/") carry no content and are skipped.</summary>
    public IEnumerable<PackageEntry> Entries =>
        archive is null ? [] : archive.Entries
            .Where(e => !(e.FullName.EndsWith('/') && e.Length == 0))
            .Select(e => new PackageEntry(e.FullName, e.CompressedLength, e.Open));

    /// <param name="zip">The uploaded or read file; read from its current position, not closed.</param>
    /// <param name="name">The file name, for messages.</param>
    public static ZipPackageSource Open(Stream zip, string name = "package.zip")
    {
        ArgumentNullException.ThrowIfNull(zip);
        Stream? copy = null;
        var stream = zip;
        if (!zip.CanSeek)
        {
            copy = new MemoryStream();
            CopyAtMost(zip, copy, PackageLimits.MaxPackageBytes + 1);
            copy.Position = 0;
            stream = copy;
        }

        var size = stream.Length - stream.Position;
        if (size > PackageLimits.MaxPackageBytes)
        {
            return Refused($"the package is larger than {PackageLimits.Megabytes(PackageLimits.MaxPackageBytes)}");
        }

        var entries = CountEntries(stream);
        if (entries is null)
        {
            return Refused("the file is not a zip file");
        }

        if (entries > PackageLimits.MaxEntries)
        {
            return Refused($"the zip holds {entries} entries; a package may hold at most {PackageLimits.MaxEntries}");
        }

        try
        {
            return new ZipPackageSource(name, new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true), copy, []);
        }
        catch (InvalidDataException)
        {
            return Refused("the file is not a zip file, or it is damaged");
        }

        ZipPackageSource Refused(string message)
        {
            copy?.Dispose();
            return new ZipPackageSource(name, null, null, [PackageProblem.OfPackage(message)]);
        }
    }

    public void Dispose()
    {
        archive?.Dispose();
        buffer?.Dispose();
    }

    /// <summary>
    /// The number of entries the zip's end-of-central-directory record declares (zip64 included), or
    /// null when there is no such record (not a zip). Leaves the stream where it was.
    /// </summary>
    internal static long? CountEntries(Stream zip)
    {
        const int EndRecordLength = 22;
        const uint EndSignature = 0x06054b50, Zip64LocatorSignature = 0x07064b50, Zip64EndSignature = 0x06064b50;
        var start = zip.Position;
        try
        {
            var length = zip.Length - start;
            if (length < EndRecordLength)
            {
                return null;
            }

            var tailLength = (int)Math.Min(length, EndRecordLength + ushort.MaxValue + 20);
            var tail = ReadAt(zip, zip.Length - tailLength, tailLength);
            for (var i = tailLength - EndRecordLength; i >= 0; i--)
            {
                if (BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i)) != EndSignature)
                {
                    continue;
                }

                var total = BinaryPrimitives.ReadUInt16LittleEndian(tail.AsSpan(i + 10));
                if (total != ushort.MaxValue)
                {
                    return total;
                }

                // zip64: the locator sits just before the end record and points at the zip64 end record.
                if (i < 20 || BinaryPrimitives.ReadUInt32LittleEndian(tail.AsSpan(i - 20)) != Zip64LocatorSignature)
                {
                    return total;
                }

                var offset = BinaryPrimitives.ReadInt64LittleEndian(tail.AsSpan(i - 20 + 8));
                if (offset < 0 || offset + 56 > zip.Length - start)
                {
                    return null;
                }

                var record = ReadAt(zip, start + offset, 56);
                return BinaryPrimitives.ReadUInt32LittleEndian(record) == Zip64EndSignature
                    ? (long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(record.AsSpan(32)), long.MaxValue)
                    : null;
            }

            return null;
        }
        finally
        {
            zip.Position = start;
        }
    }

    private static byte[] ReadAt(Stream stream, long position, int count)
    {
        stream.Position = position;
        var bytes = new byte[count];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private static void CopyAtMost(Stream from, Stream to, long max)
    {
        var chunk = new byte[81920];
        long copied = 0;
        int read;
        while (copied < max && (read = from.Read(chunk, 0, (int)Math.Min(chunk.Length, max - copied))) > 0)
        {
            to.Write(chunk, 0, read);
            copied += read;
        }
    }
}

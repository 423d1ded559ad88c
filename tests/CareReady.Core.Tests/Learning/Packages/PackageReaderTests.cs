using System.IO.Compression;
using System.Text;
using CareReady.Core.Learning.Packages;

namespace CareReady.Core.Tests.Learning.Packages;

/// <summary>The safe zip reader: paths (zip slip), sizes measured while reading, ratio, entry count, package size.</summary>
public class PackageReaderTests
{
    private static List<KeyValuePair<string, byte[]>> GoodFiles() =>
        [.. TestPackages.Good().Select(f => new KeyValuePair<string, byte[]>(f.Key, Encoding.UTF8.GetBytes(f.Value)))];

    private static PackageReadResult ReadZip(Stream zip)
    {
        using var source = ZipPackageSource.Open(zip, "test.zip");
        return PackageReader.Read(source);
    }

    [Fact]
    public void A_good_zip_is_read_whole_and_validates()
    {
        using var zip = TestPackages.Zip(TestPackages.Good());

        var read = ReadZip(zip);

        Assert.Empty(read.Problems);
        Assert.Equal(TestPackages.Good().Keys.Order(), read.Files.Keys.Order());
        Assert.True(PackageValidator.Validate(read, TestPackages.Competencies).IsValid);
    }

    [Theory]
    [InlineData("../module.yaml", "'..' and '.' are not allowed in paths")]
    [InlineData("media/../../etc/passwd", "'..' and '.' are not allowed in paths")]
    [InlineData("/etc/passwd", "absolute paths are not allowed; paths are relative to the top of the package")]
    [InlineData("C:/Windows/win.ini", "drive paths are not allowed; paths are relative to the top of the package")]
    [InlineData("lessons\\..\\..\\evil.md", "backslashes are not allowed in file names; paths are '/'-separated")]
    [InlineData("scripts/run.sh", "not a file a package may hold: only module.yaml, questions.yaml, lessons/*.md and media/* (no other folders)")]
    [InlineData("media/sub/picture.png", "not a file a package may hold: only module.yaml, questions.yaml, lessons/*.md and media/* (no other folders)")]
    [InlineData("lessons/notes.txt", "lessons must be Markdown files named lessons/NAME.md")]
    [InlineData("media/setup.exe", "media type '.exe' is not allowed (allowed: .png .jpg .jpeg .gif .svg .webp .mp4 .mp3 .pdf)")]
    [InlineData("media/noextension", "media files need one of the extensions .png .jpg .jpeg .gif .svg .webp .mp4 .mp3 .pdf")]
    public void Entries_outside_the_allowed_paths_are_refused_and_listed(string path, string expected)
    {
        var files = GoodFiles();
        files.Add(new(path, "x"u8.ToArray()));
        using var zip = TestPackages.Zip(files);

        var read = ReadZip(zip);

        Assert.Equal([$"{path}: {expected}"], read.Problems.Select(p => p.ToString()));
        Assert.DoesNotContain(path, read.Files.Keys);
        Assert.False(PackageValidator.Validate(read, TestPackages.Competencies).IsValid);
    }

    [Fact]
    public void A_zip_of_the_folder_rather_than_its_contents_says_so()
    {
        using var zip = TestPackages.Zip(GoodFiles().Select(f => new KeyValuePair<string, byte[]>("fire-safety/" + f.Key, f.Value)));

        var problems = PackageValidator.Validate(ReadZip(zip), TestPackages.Competencies).Problems.Select(p => p.ToString()).ToList();

        Assert.Contains("(package): the files are inside a folder (fire-safety/module.yaml): module.yaml, questions.yaml, lessons/ and media/ must be at the top of the zip (zip the folder's contents, not the folder)", problems);
    }

    [Fact]
    public void A_text_file_over_1_MB_is_refused()
    {
        var files = GoodFiles();
        files.Add(new("lessons/03-long.md", Encoding.UTF8.GetBytes(new string('x', 1024 * 1024 + 1))));
        using var zip = TestPackages.Zip(files, CompressionLevel.NoCompression);

        var read = ReadZip(zip);

        Assert.Equal(["lessons/03-long.md: is larger than 1 MB uncompressed (the limit for Markdown and YAML files)"], read.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void Sizes_are_measured_while_reading_not_taken_from_headers()
    {
        // A source whose media file never ends: the reader stops at 20 MB instead of trusting anything.
        var source = new EndlessMediaSource();

        var read = PackageReader.Read(source);

        Assert.Equal(["media/endless.png: is larger than 20 MB uncompressed (the limit for one file)"], read.Problems.Select(p => p.ToString()));
        Assert.InRange(source.BytesServed, PackageLimits.MaxFileBytes, PackageLimits.MaxFileBytes + 200_000);
    }

    [Fact]
    public void An_entry_that_expands_more_than_100_to_1_is_refused_as_a_zip_bomb()
    {
        var files = GoodFiles();
        files.Add(new("media/zeros.png", new byte[5 * 1024 * 1024]));
        using var zip = TestPackages.Zip(files, CompressionLevel.SmallestSize);

        var read = ReadZip(zip);

        Assert.Equal(["media/zeros.png: expands more than 100 times its compressed size (a zip bomb?)"], read.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_zip_with_more_than_500_entries_is_refused_before_any_is_read()
    {
        var files = GoodFiles();
        files.AddRange(Enumerable.Range(1, 500).Select(i => new KeyValuePair<string, byte[]>($"media/{i}.png", [1])));
        using var zip = TestPackages.Zip(files);

        var read = ReadZip(zip);

        Assert.Equal(["(package): the zip holds 505 entries; a package may hold at most 500"], read.Problems.Select(p => p.ToString()));
        Assert.Empty(read.Files);
    }

    [Fact]
    public void A_package_over_50_MB_is_refused_before_it_is_opened()
    {
        var file = Path.GetTempFileName();
        try
        {
            using (var stream = File.OpenWrite(file))
            {
                stream.SetLength(PackageLimits.MaxPackageBytes + 1); // sparse: nothing is written
            }

            using var zip = File.OpenRead(file);
            Assert.Equal(["(package): the package is larger than 50 MB"], ReadZip(zip).Problems.Select(p => p.ToString()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_file_that_is_not_a_zip_is_refused()
    {
        using var notZip = new MemoryStream(Encoding.UTF8.GetBytes("format: careready-module/1\n"));

        Assert.Equal(["(package): the file is not a zip file"], ReadZip(notZip).Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void A_folder_is_read_like_a_zip_and_hidden_files_are_ignored()
    {
        var folder = Directory.CreateTempSubdirectory("package-");
        try
        {
            foreach (var (path, content) in TestPackages.Good())
            {
                var file = Path.Combine(folder.FullName, path);
                Directory.CreateDirectory(Path.GetDirectoryName(file)!);
                File.WriteAllText(file, content);
            }

            File.WriteAllText(Path.Combine(folder.FullName, ".DS_Store"), "junk");

            var validation = TestPackages.Validate(new FolderPackageSource(folder.FullName));

            Assert.True(validation.IsValid, string.Join("\n", validation.Problems));
            ContentAssert.Equal(TestPackages.Validate(TestPackages.Good()).Content!, validation.Content!);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private sealed class EndlessMediaSource : IPackageSource
    {
        public long BytesServed { get; private set; }

        public string Name => "endless";

        public IReadOnlyList<PackageProblem> Problems => [];

        public IEnumerable<PackageEntry> Entries => [new PackageEntry("media/endless.png", null, () => new Endless(this))];

        private sealed class Endless(EndlessMediaSource owner) : Stream
        {
            public override bool CanRead => true;
            public override bool CanSeek => false;
            public override bool CanWrite => false;
            public override long Length => throw new NotSupportedException();
            public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

            public override int Read(byte[] buffer, int offset, int count)
            {
                owner.BytesServed += count;
                return count;
            }

            public override void Flush()
            {
            }

            public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
            public override void SetLength(long value) => throw new NotSupportedException();
            public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        }
    }
}

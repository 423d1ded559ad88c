using CareReady.Core.Xapi;

namespace CareReady.Core.Tests.Xapi;

/// <summary>The advice of <c>careready lrs-check</c> (ADR 0029) from the facts it read.</summary>
public class LrsDatabaseCheckTests
{
    private const long GB = 1L << 30;

    // A durable server with memory for the random-insert indexes, long checkpoints and compressed page images.
    private static readonly LrsDatabaseFacts Tuned = new(16_000_000, 2 * GB, 7 * GB, 8 * GB, 1800, "16GB", "lz4", "on", "on", "on");

    [Fact]
    public void A_durable_server_with_room_for_the_indexes_gets_no_advice() => Assert.Empty(LrsDatabaseCheck.Advise(Tuned));

    [Fact]
    public void Shared_buffers_under_three_times_the_random_insert_indexes_are_flagged_with_the_size_to_give()
    {
        var advice = Assert.Single(LrsDatabaseCheck.Advise(Tuned with { SharedBuffersBytes = 2 * GB, RandomIndexBytes = 2_576_980_378 })); // 2.4 GB
        Assert.StartsWith("shared_buffers is 2 GB;", advice, StringComparison.Ordinal);
        Assert.Contains("(2.4 GB now)", advice, StringComparison.Ordinal);
        Assert.Contains("at least 7.2 GB", advice, StringComparison.Ordinal);
        Assert.Empty(LrsDatabaseCheck.Advise(Tuned with { SharedBuffersBytes = 6 * GB, RandomIndexBytes = 2 * GB })); // exactly three times
    }

    [Fact]
    public void Short_checkpoints_and_uncompressed_page_images_are_flagged()
    {
        var advice = LrsDatabaseCheck.Advise(Tuned with { CheckpointTimeoutSeconds = 300, MaxWalSize = "1GB", WalCompression = "off" });
        Assert.Equal(2, advice.Count);
        Assert.StartsWith("checkpoint_timeout is 5 min (max_wal_size 1GB)", advice[0], StringComparison.Ordinal);
        Assert.StartsWith("wal_compression is off", advice[1], StringComparison.Ordinal);
        Assert.Empty(LrsDatabaseCheck.Advise(Tuned with { CheckpointTimeoutSeconds = 900, WalCompression = "pglz" }));
    }

    [Fact]
    public void Settings_that_can_lose_answered_statements_come_first()
    {
        var advice = LrsDatabaseCheck.Advise(Tuned with { Fsync = "off", SynchronousCommit = "off", FullPageWrites = "off", CheckpointTimeoutSeconds = 60 });
        Assert.Equal(4, advice.Count);
        Assert.StartsWith("fsync is off", advice[0], StringComparison.Ordinal);
        Assert.StartsWith("synchronous_commit is off", advice[1], StringComparison.Ordinal);
        Assert.StartsWith("full_page_writes is off", advice[2], StringComparison.Ordinal);
        Assert.StartsWith("checkpoint_timeout is 1 min", advice[3], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0L, "0 MB")]
    [InlineData(5L << 20, "5 MB")]
    [InlineData((1L << 30) - (1L << 20), "1023 MB")]
    [InlineData(1L << 30, "1 GB")]
    [InlineData(7_730_941_133L, "7.2 GB")]
    public void Sizes_are_in_MB_below_a_GB_and_in_GB_from_one(long bytes, string text) => Assert.Equal(text, LrsDatabaseCheck.Size(bytes));
}

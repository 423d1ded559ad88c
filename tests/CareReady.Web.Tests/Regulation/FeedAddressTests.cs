using System.Net;
using CareReady.Web.Regulation;

namespace CareReady.Web.Tests.Regulation;

/// <summary>The server fetches feed addresses people type, so only public internet addresses are allowed (no way into the internal network).</summary>
public class FeedAddressTests
{
    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.1.2.3", false)]
    [InlineData("172.16.0.1", false)]
    [InlineData("172.31.255.255", false)]
    [InlineData("192.168.1.10", false)]
    [InlineData("169.254.169.254", false)] // cloud metadata
    [InlineData("100.64.0.1", false)]
    [InlineData("0.0.0.0", false)]
    [InlineData("::1", false)]
    [InlineData("fe80::1", false)]
    [InlineData("fd00::1", false)]
    [InlineData("::ffff:10.0.0.1", false)]
    [InlineData("172.32.0.1", true)]
    [InlineData("8.8.8.8", true)]
    [InlineData("2a00:1450:4009:81f::200e", true)]
    public void Only_public_addresses_are_fetched(string address, bool allowed) =>
        Assert.Equal(allowed, FeedFetcher.IsPublic(IPAddress.Parse(address)));
}

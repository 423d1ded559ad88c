namespace CareReady.Core.Xapi;

/// <summary>The xAPI versions the LRS speaks, chosen per request by <c>X-Experience-API-Version</c>.</summary>
public enum XapiVersion
{
    V103,
    V200,
}

public static class XapiVersions
{
    public const string Header = "X-Experience-API-Version";
    public const string ConsistentThroughHeader = "X-Experience-API-Consistent-Through";

    /// <summary>What About reports.</summary>
    public static readonly IReadOnlyList<string> Supported = ["1.0.3", "2.0.0"];

    /// <summary>Accepts 1.0, 1.0.0 … 1.0.9 and 2.0, 2.0.x; anything else is not supported.</summary>
    public static XapiVersion? Parse(string? header)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return null;
        }

        var text = header.Trim();
        if (text == "1.0" || (text.Length == 5 && text.StartsWith("1.0.", StringComparison.Ordinal) && char.IsAsciiDigit(text[4])))
        {
            return XapiVersion.V103;
        }

        if (text == "2.0" || (text.StartsWith("2.0.", StringComparison.Ordinal) && text.Length > 4 && text[4..].All(char.IsAsciiDigit)))
        {
            return XapiVersion.V200;
        }

        return null;
    }

    public static string Name(this XapiVersion version) => version == XapiVersion.V200 ? "2.0.0" : "1.0.3";
}

/// <summary>A request the specification says the LRS must refuse; <see cref="Status"/> is the HTTP status.</summary>
public sealed class XapiException(int status, string message) : Exception(message)
{
    public int Status { get; } = status;

    public static XapiException BadRequest(string message) => new(400, message);
}

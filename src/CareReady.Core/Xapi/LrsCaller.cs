using System.Text.Json.Nodes;

namespace CareReady.Core.Xapi;

/// <summary>The authenticated LRS client of a request, and the endpoint it called (for the authority).</summary>
public sealed record LrsCaller(int ClientId, int OrganisationId, string Name, string Key, bool CanRead, bool CanWrite, string Endpoint)
{
    /// <summary>The authority the LRS writes on every statement this client sends.</summary>
    public JsonObject Authority() => new()
    {
        ["objectType"] = "Agent",
        ["name"] = Name,
        ["account"] = new JsonObject { ["homePage"] = Endpoint, ["name"] = Key },
    };
}

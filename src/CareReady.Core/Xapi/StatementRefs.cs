using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareReady.Core.Xapi;

/// <summary>
/// The agents and activities a validated statement mentions, as index rows: the actor/object ones
/// (<see cref="XapiRefKind.Agent"/>, <see cref="XapiRefKind.Activity"/>) and, once each and only
/// where not already direct, everything the <c>related_agents</c> / <c>related_activities</c>
/// filters also match (authority, instructor, team, context agents and groups, group members,
/// context activities, a sub-statement's parts). Members of an actor or object Group count as direct:
/// the <c>agent</c> filter matches a Group whose member is the agent.
/// </summary>
public static class StatementRefs
{
    public static IReadOnlyList<(XapiRefKind Kind, string Key)> Of(JsonObject statement) => Of(statement, statement["authority"]);

    /// <summary>The rows of a statement that will be stored with <paramref name="authority"/> (whatever authority it has now).</summary>
    public static IReadOnlyList<(XapiRefKind Kind, string Key)> Of(JsonObject statement, JsonNode? authority)
    {
        var direct = new HashSet<(XapiRefKind, string)>();
        var related = new HashSet<(XapiRefKind, string)>();
        AddAgent(statement["actor"], direct, XapiRefKind.Agent);
        AddObject(statement["object"], direct, XapiRefKind.Agent, XapiRefKind.Activity);
        AddAgent(authority, related, XapiRefKind.RelatedAgent);
        AddContext(statement["context"], related);
        if (statement["object"] is JsonObject o && TypeOf(o) == "SubStatement")
        {
            AddAgent(o["actor"], related, XapiRefKind.RelatedAgent);
            AddObject(o["object"], related, XapiRefKind.RelatedAgent, XapiRefKind.RelatedActivity);
            AddContext(o["context"], related);
        }

        var rows = new List<(XapiRefKind, string)>(direct);
        foreach (var (kind, key) in related)
        {
            var directKind = kind == XapiRefKind.RelatedAgent ? XapiRefKind.Agent : XapiRefKind.Activity;
            if (!direct.Contains((directKind, key)))
            {
                rows.Add((kind, key));
            }
        }

        return rows;
    }

    private static void AddObject(JsonNode? node, HashSet<(XapiRefKind, string)> into, XapiRefKind agentKind, XapiRefKind activityKind)
    {
        if (node is not JsonObject o)
        {
            return;
        }

        switch (TypeOf(o))
        {
            case "Activity":
                into.Add((activityKind, o["id"]!.GetValue<string>()));
                break;
            case "Agent" or "Group":
                AddAgent(o, into, agentKind);
                break;
        }
    }

    /// <summary>
    /// The agent or identified group, and the members of a group: for the <c>agent</c> filter a Group
    /// whose member is the agent matches (Communication 2.1.3), so an actor's or object's members are
    /// direct (<paramref name="kind"/>) too.
    /// </summary>
    private static void AddAgent(JsonNode? node, HashSet<(XapiRefKind, string)> into, XapiRefKind kind)
    {
        if (node is not JsonObject o)
        {
            return;
        }

        if (AgentKeys.Of(o) is { } key)
        {
            into.Add((kind, key));
        }

        if (o["member"] is JsonArray members)
        {
            foreach (var member in members)
            {
                if (AgentKeys.Of(member) is { } memberKey)
                {
                    into.Add((kind, memberKey));
                }
            }
        }
    }

    private static void AddContext(JsonNode? node, HashSet<(XapiRefKind, string)> related)
    {
        if (node is not JsonObject c)
        {
            return;
        }

        AddAgent(c["instructor"], related, XapiRefKind.RelatedAgent);
        AddAgent(c["team"], related, XapiRefKind.RelatedAgent);
        if (c["contextAgents"] is JsonArray agents)
        {
            foreach (var a in agents)
            {
                AddAgent(a?["agent"], related, XapiRefKind.RelatedAgent);
            }
        }

        if (c["contextGroups"] is JsonArray groups)
        {
            foreach (var g in groups)
            {
                AddAgent(g?["group"], related, XapiRefKind.RelatedAgent);
            }
        }

        if (c["contextActivities"] is JsonObject activities)
        {
            foreach (var (_, value) in activities)
            {
                foreach (var activity in value is JsonArray list ? list.ToList() : [value])
                {
                    if (activity?["id"] is JsonValue id && id.GetValueKind() == JsonValueKind.String)
                    {
                        related.Add((XapiRefKind.RelatedActivity, id.GetValue<string>()));
                    }
                }
            }
        }
    }

    internal static string TypeOf(JsonObject o) => o["objectType"]?.GetValue<string>() ?? "Activity";
}

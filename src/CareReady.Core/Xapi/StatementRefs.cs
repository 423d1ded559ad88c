using System.Text.Json;
using System.Text.Json.Nodes;

namespace CareReady.Core.Xapi;

/// <summary>
/// The agents and activities a validated statement mentions, as index rows: the actor/object ones
/// (<see cref="XapiRefKind.Agent"/>, <see cref="XapiRefKind.Activity"/>) and, once each and only
/// where not already direct, everything the <c>related_agents</c> / <c>related_activities</c>
/// filters also match (authority, instructor, team, context agents and groups, group members,
/// context activities, a sub-statement's parts).
/// </summary>
public static class StatementRefs
{
    public static IReadOnlyList<(XapiRefKind Kind, string Key)> Of(JsonObject statement)
    {
        var direct = new HashSet<(XapiRefKind, string)>();
        var related = new HashSet<(XapiRefKind, string)>();
        AddAgent(statement["actor"], direct, related, XapiRefKind.Agent);
        AddObject(statement["object"], direct, related, XapiRefKind.Agent, XapiRefKind.Activity);
        AddAgent(statement["authority"], related, related, XapiRefKind.RelatedAgent);
        AddContext(statement["context"], related);
        if (statement["object"] is JsonObject o && TypeOf(o) == "SubStatement")
        {
            AddAgent(o["actor"], related, related, XapiRefKind.RelatedAgent);
            AddObject(o["object"], related, related, XapiRefKind.RelatedAgent, XapiRefKind.RelatedActivity);
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

    private static void AddObject(JsonNode? node, HashSet<(XapiRefKind, string)> into, HashSet<(XapiRefKind, string)> related, XapiRefKind agentKind, XapiRefKind activityKind)
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
                AddAgent(o, into, related, agentKind);
                break;
        }
    }

    private static void AddAgent(JsonNode? node, HashSet<(XapiRefKind, string)> into, HashSet<(XapiRefKind, string)> related, XapiRefKind kind)
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
                    related.Add((XapiRefKind.RelatedAgent, memberKey));
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

        AddAgent(c["instructor"], related, related, XapiRefKind.RelatedAgent);
        AddAgent(c["team"], related, related, XapiRefKind.RelatedAgent);
        if (c["contextAgents"] is JsonArray agents)
        {
            foreach (var a in agents)
            {
                AddAgent(a?["agent"], related, related, XapiRefKind.RelatedAgent);
            }
        }

        if (c["contextGroups"] is JsonArray groups)
        {
            foreach (var g in groups)
            {
                AddAgent(g?["group"], related, related, XapiRefKind.RelatedAgent);
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

using System.Text.Json.Nodes;

namespace CareReady.Core.Xapi;

/// <summary>The <c>format</c> parameter of GET statements.</summary>
public enum StatementFormat
{
    Exact,
    Ids,
    Canonical,
}

/// <summary>
/// Rewrites a stored statement for the <c>ids</c> format (agents, groups, activities and verbs reduced
/// to their identifiers) or the <c>canonical</c> format (each language map reduced to the one language the
/// caller prefers, by Accept-Language, else the first).
/// </summary>
public static class StatementFormatter
{
    public static JsonNode Apply(string json, StatementFormat format, IReadOnlyList<string> languages)
    {
        var node = JsonNode.Parse(json)!;
        if (format == StatementFormat.Ids)
        {
            Ids(node.AsObject());
        }
        else if (format == StatementFormat.Canonical)
        {
            Canonical(node, languages);
        }

        return node;
    }

    private static void Ids(JsonObject s)
    {
        IdsAgent(s["actor"]);
        IdsAgent(s["authority"]);
        if (s["verb"] is JsonObject verb)
        {
            verb.Remove("display");
        }

        if (s["object"] is JsonObject o)
        {
            switch (StatementRefs.TypeOf(o))
            {
                case "Activity":
                    o.Remove("definition");
                    break;
                case "Agent" or "Group":
                    IdsAgent(o);
                    break;
                case "SubStatement":
                    Ids(o);
                    break;
            }
        }

        if (s["context"] is JsonObject c)
        {
            IdsAgent(c["instructor"]);
            IdsAgent(c["team"]);
            if (c["contextActivities"] is JsonObject activities)
            {
                foreach (var (_, value) in activities)
                {
                    foreach (var a in value is JsonArray list ? list.ToList() : [value])
                    {
                        (a as JsonObject)?.Remove("definition");
                    }
                }
            }
        }
    }

    private static void IdsAgent(JsonNode? node)
    {
        if (node is not JsonObject agent)
        {
            return;
        }

        agent.Remove("name");
        if (AgentKeys.Of(agent) is not null)
        {
            agent.Remove("member");
        }
        else if (agent["member"] is JsonArray members)
        {
            foreach (var m in members)
            {
                IdsAgent(m);
            }
        }
    }

    private static readonly HashSet<string> LanguageMapKeys = ["display", "name", "description"];

    private static void Canonical(JsonNode node, IReadOnlyList<string> languages)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var key in o.Select(p => p.Key).ToList())
                {
                    if (key == "extensions")
                    {
                        continue;
                    }

                    if (LanguageMapKeys.Contains(key) && o[key] is JsonObject map && map.Count > 1 && map.All(p => p.Value is JsonValue))
                    {
                        var chosen = languages.Select(l => map.FirstOrDefault(p => p.Key.Equals(l, StringComparison.OrdinalIgnoreCase)))
                            .FirstOrDefault(p => p.Key is not null);
                        if (chosen.Key is null)
                        {
                            chosen = map.First();
                        }

                        o[key] = new JsonObject { [chosen.Key] = chosen.Value!.DeepClone() };
                    }
                    else if (o[key] is { } child)
                    {
                        Canonical(child, languages);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    if (item is not null)
                    {
                        Canonical(item, languages);
                    }
                }

                break;
        }
    }
}

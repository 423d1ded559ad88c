using System.Text.Json;

namespace CareReady.Core.Simulation.Scenarios;

/// <summary>Reads one node of a scenario file by its type, with a precise error for each problem.</summary>
internal static class NodeReader
{
    private static readonly string[] Common = ["id", "type", "title", "text", "next", "links", "set", "add"];
    private static readonly string[] Timed = ["timeLimitSeconds", "timeoutNext", "feedback", "points"];

    public static ScenarioNode? Read(JsonReader r, JsonElement e, string path, IReadOnlyDictionary<string, double> state)
    {
        if (!r.IsObject(e, path))
        {
            return null;
        }

        var id = r.String(e, "id", path, maxLength: 64);
        if (id is not null && !ScenarioParser.ValidId(id))
        {
            r.Error(path + ".id", "expected lower-case letters, digits and hyphens, e.g. \"first-obs\".");
            id = null;
        }

        var type = r.String(e, "type", path, maxLength: 32);
        if (type is not null && !ScenarioParser.Types.Contains(type, StringComparer.Ordinal))
        {
            r.Error(path + ".type", "expected one of: " + string.Join(", ", ScenarioParser.Types) + $"; found \"{type}\".");
            return null;
        }

        if (type is null || id is null)
        {
            return null;
        }

        var title = r.String(e, "title", path, required: false, maxLength: 200) ?? string.Empty;
        var text = r.String(e, "text", path, required: type is "narrative" or "end", maxLength: 20_000) ?? string.Empty;
        var links = Links(r, e, path, state, required: type is not ("end" or "decision"));
        var changes = Changes(r, e, path, state);
        var node = new ScenarioNode(id, NodeKind.Narrative, title, text, links) { Changes = changes };
        switch (type)
        {
            case "narrative":
                r.OnlyKnown(e, path, Common);
                return node;
            case "end":
                r.OnlyKnown(e, path, Common);
                if (links.Count > 0)
                {
                    r.Error(path + ".next", "an end node has no next node.");
                }

                return node with { Kind = NodeKind.End };
            case "observations":
                r.OnlyKnown(e, path, [.. Common, "patient", "vitals", "labs", "history", "scale"]);
                return ObservationsReader.Read(r, e, path, node);
            case "question":
                r.OnlyKnown(e, path, [.. Common, .. Timed, "kind", "prompt", "options", "answer", "tolerance", "answerFrom"]);
                return Question(r, e, path, node);
            case "decision":
                r.OnlyKnown(e, path, [.. Common, .. Timed, "prompt", "options"]);
                return Timing(r, e, path, node) with
                {
                    Kind = NodeKind.Decision,
                    Text = r.String(e, "prompt", path, maxLength: 2000) ?? text,
                    Options = Options(r, e, path, state, decision: true),
                };
            default:
                r.OnlyKnown(e, path, [.. Common, .. Timed, "prompt", "options", "correct", "ai"]);
                return Timing(r, e, path, node) with
                {
                    Kind = NodeKind.AiDecision,
                    Text = r.String(e, "prompt", path, maxLength: 2000) ?? text,
                    Options = Options(r, e, path, state, decision: false),
                    Correct = r.String(e, "correct", path, maxLength: 64),
                    Ai = AiReader.Read(r, e, path),
                };
        }
    }

    private static ScenarioNode Timing(JsonReader r, JsonElement e, string path, ScenarioNode node) => node with
    {
        TimeLimitSeconds = r.Integer(e, "timeLimitSeconds", path, required: false, 10, 3600),
        TimeoutNext = r.String(e, "timeoutNext", path, required: false, maxLength: 64),
        Feedback = r.String(e, "feedback", path, required: false, maxLength: 4000),
        Points = r.Integer(e, "points", path, required: false, 0, 100) ?? 1,
    };

    private static ScenarioNode Question(JsonReader r, JsonElement e, string path, ScenarioNode node)
    {
        var kind = r.String(e, "kind", path, maxLength: 16);
        var q = Timing(r, e, path, node) with { Kind = NodeKind.Question, Text = r.String(e, "prompt", path, maxLength: 2000) ?? node.Text };
        switch (kind)
        {
            case "single" or "multiple":
                var options = Options(r, e, path, new Dictionary<string, double>(), decision: false);
                var answer = r.Array(e, "answer", path, required: true)
                    .Select(a => a.Element.ValueKind == JsonValueKind.String ? a.Element.GetString() : Bad(r, a.Path, "expected an option id."))
                    .OfType<string>().ToList();
                if (kind == "single" && answer.Count > 1)
                {
                    r.Error(path + ".answer", "a single-choice question has exactly one answer.");
                }

                for (var i = 0; i < answer.Count; i++)
                {
                    if (options.All(o => o.Id != answer[i]))
                    {
                        r.Error(JsonReader.Item(path + ".answer", i), $"\"{answer[i]}\" is not one of the options' ids.");
                    }
                }

                return q with { QuestionKind = kind == "single" ? QuestionKind.Single : QuestionKind.Multiple, Options = options, Answer = answer };
            case "numeric":
                var from = r.String(e, "answerFrom", path, required: false, maxLength: 80);
                string? news2Of = null;
                if (from is not null)
                {
                    if (from.StartsWith("news2:", StringComparison.Ordinal))
                    {
                        news2Of = from["news2:".Length..];
                    }
                    else
                    {
                        r.Error(path + ".answerFrom", "expected \"news2:<observations node id>\".");
                    }
                }

                var number = r.Number(e, "answer", path, required: from is null);
                return q with
                {
                    QuestionKind = QuestionKind.Numeric,
                    NumericAnswer = number,
                    News2Of = news2Of,
                    Tolerance = r.Number(e, "tolerance", path, required: false, 0, 1_000_000) ?? 0,
                };
            case null:
                return q;
            default:
                r.Error(path + ".kind", $"expected single, multiple or numeric; found \"{kind}\".");
                return q;
        }
    }

    private static List<Option> Options(JsonReader r, JsonElement e, string path, IReadOnlyDictionary<string, double> state, bool decision)
    {
        var options = new List<Option>();
        var items = r.Array(e, "options", path, required: true).ToList();
        if (items.Count == 1)
        {
            r.Error(path + ".options", "at least two options are needed.");
        }

        foreach (var (o, p) in items)
        {
            if (!r.IsObject(o, p))
            {
                continue;
            }

            r.OnlyKnown(o, p, decision ? ["id", "text", "correct", "consequence", "next", "links", "set", "add"] : ["id", "text"]);
            var id = r.String(o, "id", p, maxLength: 64);
            var text = r.String(o, "text", p, maxLength: 1000);
            if (id is not null && !ScenarioParser.ValidId(id))
            {
                r.Error(p + ".id", "expected lower-case letters, digits and hyphens.");
            }
            else if (id is not null && options.Any(x => x.Id == id))
            {
                r.Error(p + ".id", $"\"{id}\" is used by another option of this node.");
            }

            if (id is null || text is null)
            {
                continue;
            }

            options.Add(decision
                ? new Option(id, text, r.Bool(o, "correct", p) ?? false, r.String(o, "consequence", p, required: false, maxLength: 4000),
                    Changes(r, o, p, state), Links(r, o, p, state, required: false))
                : new Option(id, text, false, null, StateChange.None, []));
        }

        if (decision && options.Count > 1 && !options.Any(o => o.Correct))
        {
            r.Error(path + ".options", "mark at least one option \"correct\": true.");
        }

        return options;
    }

    internal static List<Link> Links(JsonReader r, JsonElement e, string path, IReadOnlyDictionary<string, double> state, bool required)
    {
        var hasNext = e.TryGetProperty("next", out _);
        var hasLinks = e.TryGetProperty("links", out _);
        if (hasNext && hasLinks)
        {
            r.Error(path + ".links", "give either \"next\" or \"links\", not both.");
        }

        if (hasNext)
        {
            var next = r.String(e, "next", path, maxLength: 64);
            return next is null ? [] : [new Link(null, next)];
        }

        if (!hasLinks)
        {
            if (required)
            {
                r.Error(path + ".next", "required: the id of the node that follows (or \"links\").");
            }

            return [];
        }

        var links = new List<Link>();
        foreach (var (l, p) in r.Array(e, "links", path, required: true))
        {
            if (!r.IsObject(l, p))
            {
                continue;
            }

            r.OnlyKnown(l, p, "when", "to");
            var to = r.String(l, "to", p, maxLength: 64);
            Condition? when = null;
            if (l.TryGetProperty("when", out var w) && r.IsObject(w, p + ".when"))
            {
                r.OnlyKnown(w, p + ".when", "var", "op", "value");
                var variable = r.String(w, "var", p + ".when", maxLength: 64);
                var op = r.String(w, "op", p + ".when", maxLength: 2);
                var value = w.TryGetProperty("value", out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False
                    ? (v.GetBoolean() ? 1 : 0)
                    : r.Number(w, "value", p + ".when", required: true);
                if (variable is not null && !state.ContainsKey(variable))
                {
                    r.Error(p + ".when.var", $"\"{variable}\" is not declared in $.state.");
                }

                if (op is not null && !ScenarioParser.ValidOperator(op))
                {
                    r.Error(p + ".when.op", $"expected one of == != < <= > >=; found \"{op}\".");
                }

                if (variable is not null && op is not null && value is not null)
                {
                    when = new Condition(variable, op, value.Value);
                }
            }

            if (to is not null)
            {
                links.Add(new Link(when, to));
            }
        }

        if (links.Count > 0 && links[^1].When is not null)
        {
            r.Error(path + ".links", "the last link must have no \"when\" (where to go otherwise).");
        }

        return links;
    }

    private static StateChange Changes(JsonReader r, JsonElement e, string path, IReadOnlyDictionary<string, double> state)
    {
        var set = Assignments(r, e, "set", path, state);
        var add = Assignments(r, e, "add", path, state);
        return set.Count == 0 && add.Count == 0 ? StateChange.None : new StateChange(set, add);
    }

    private static Dictionary<string, double> Assignments(JsonReader r, JsonElement e, string name, string path, IReadOnlyDictionary<string, double> state)
    {
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!e.TryGetProperty(name, out var obj) || !r.IsObject(obj, path + "." + name))
        {
            return result;
        }

        foreach (var p in obj.EnumerateObject())
        {
            var at = path + "." + name + "." + p.Name;
            if (!state.ContainsKey(p.Name))
            {
                r.Error(at, $"\"{p.Name}\" is not declared in $.state.");
            }
            else if (p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                result[p.Name] = p.Value.GetBoolean() ? 1 : 0;
            }
            else if (p.Value.ValueKind == JsonValueKind.Number)
            {
                result[p.Name] = p.Value.GetDouble();
            }
            else
            {
                r.Error(at, "expected a number or true/false.");
            }
        }

        return result;
    }

    private static string? Bad(JsonReader r, string path, string message)
    {
        r.Error(path, message);
        return null;
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;

namespace CareReady.Core.Simulation.Scenarios;

/// <summary>
/// Reads a scenario file (JSON, format <c>careready-scenario/1</c>) and checks it whole: every problem
/// is reported with its JSON path, and a scenario with any problem is not returned. The format is
/// documented in docs/simulation-scenarios.md.
/// </summary>
public static partial class ScenarioParser
{
    public const string Format = "careready-scenario/1";
    public const int MaxBytes = 1024 * 1024;

    private static readonly string[] TopLevel = ["format", "code", "title", "summary", "estimatedMinutes", "passMark", "confers", "guidelines", "state", "start", "nodes"];
    private static readonly string[] NodeTypes = ["narrative", "observations", "question", "decision", "ai-decision", "end"];
    private static readonly string[] Operators = ["==", "!=", "<", "<=", ">", ">="];

    [GeneratedRegex("^[A-Z0-9][A-Z0-9-]{1,63}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex IdPattern();

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_]{0,63}$")]
    private static partial Regex VariablePattern();

    public static ScenarioParseResult Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var errors = new List<ScenarioError>();
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 32 });
        }
        catch (JsonException ex)
        {
            return new ScenarioParseResult(null, [new ScenarioError("$", $"not valid JSON (line {(ex.LineNumber ?? 0) + 1}, position {(ex.BytePositionInLine ?? 0) + 1}): {ex.Message.Split(" LineNumber", 2)[0]}")]);
        }

        using (doc)
        {
            var r = new JsonReader(errors);
            var root = doc.RootElement;
            if (!r.IsObject(root, "$"))
            {
                return new ScenarioParseResult(null, errors);
            }

            r.OnlyKnown(root, "$", TopLevel);
            var format = r.String(root, "format", "$");
            if (format is not null && format != Format)
            {
                r.Error("$.format", $"expected \"{Format}\", found \"{format}\".");
            }

            var code = r.String(root, "code", "$", maxLength: 64);
            if (code is not null && !CodePattern().IsMatch(code))
            {
                r.Error("$.code", "expected capital letters, digits and hyphens (2–64), e.g. \"SIM-SEPSIS-SCREENING\".");
            }

            var title = r.String(root, "title", "$", maxLength: 200);
            var summary = r.String(root, "summary", "$", maxLength: 1000);
            var minutes = r.Integer(root, "estimatedMinutes", "$", required: false, 1, 240) ?? 15;
            var passMark = r.Integer(root, "passMark", "$", required: false, 0, 100) ?? 70;
            var confers = r.Array(root, "confers", "$", required: false)
                .Select(c => c.Element.ValueKind == JsonValueKind.String ? c.Element.GetString() : Invalid(r, c.Path, "expected a competency code as text."))
                .OfType<string>().ToList();
            var guidelines = ReadGuidelines(r, root);
            var state = ReadState(r, root);
            var start = r.String(root, "start", "$", maxLength: 64);
            var nodes = r.Array(root, "nodes", "$", required: true).Select(n => NodeReader.Read(r, n.Element, n.Path, state)).ToList();

            var valid = nodes.OfType<ScenarioNode>().ToList();
            ScenarioChecks.Run(r, start, valid, nodes, state);
            if (errors.Count > 0 || code is null || title is null || summary is null || start is null)
            {
                return new ScenarioParseResult(null, errors);
            }

            return new ScenarioParseResult(new ScenarioDefinition(code, title, summary, minutes, passMark, confers, state, start, valid) { Guidelines = guidelines }, []);
        }
    }

    internal static bool ValidId(string id) => IdPattern().IsMatch(id);

    internal static bool ValidOperator(string op) => Operators.Contains(op, StringComparer.Ordinal);

    internal static string[] Types => NodeTypes;

    private static string? Invalid(JsonReader r, string path, string message)
    {
        r.Error(path, message);
        return null;
    }

    /// <summary>The guideline versions the scenario rests on: <c>[{"source": "NICE NG51 Suspected sepsis", "version": "2024"}]</c>, as modules cite them.</summary>
    private static List<ScenarioGuideline> ReadGuidelines(JsonReader r, JsonElement root)
    {
        var list = new List<ScenarioGuideline>();
        foreach (var (element, path) in r.Array(root, "guidelines", "$", required: false))
        {
            if (!r.IsObject(element, path))
            {
                continue;
            }

            r.OnlyKnown(element, path, "source", "version");
            var source = r.String(element, "source", path, maxLength: 300);
            var version = r.String(element, "version", path, maxLength: 100);
            if (source is null || version is null)
            {
                continue;
            }

            if (list.Any(g => g.Source == source.Trim() && g.Version == version.Trim()))
            {
                r.Error(path, $"\"{source.Trim()}\" version \"{version.Trim()}\" is cited twice.");
                continue;
            }

            list.Add(new ScenarioGuideline(source.Trim(), version.Trim()));
        }

        return list;
    }

    private static Dictionary<string, double> ReadState(JsonReader r, JsonElement root)
    {
        var state = new Dictionary<string, double>(StringComparer.Ordinal);
        if (!root.TryGetProperty("state", out var s))
        {
            return state;
        }

        if (!r.IsObject(s, "$.state"))
        {
            return state;
        }

        foreach (var p in s.EnumerateObject())
        {
            var path = "$.state." + p.Name;
            if (!VariablePattern().IsMatch(p.Name))
            {
                r.Error(path, "a state variable name starts with a letter and has only letters, digits and '_' (e.g. \"sepsisSix\").");
            }
            else if (p.Value.ValueKind is JsonValueKind.True or JsonValueKind.False)
            {
                state[p.Name] = p.Value.GetBoolean() ? 1 : 0;
            }
            else if (p.Value.ValueKind == JsonValueKind.Number)
            {
                state[p.Name] = p.Value.GetDouble();
            }
            else
            {
                r.Error(path, "the initial value must be a number or true/false, found " + JsonReader.Describe(p.Value) + ".");
            }
        }

        return state;
    }
}

using System.Text.Json;

namespace CareReady.Core.Simulation.Scenarios;

/// <summary>Reads the "ai" block of an AI decision point.</summary>
internal static class AiReader
{
    public static AiSpec? Read(JsonReader r, JsonElement node, string nodePath)
    {
        var path = nodePath + ".ai";
        if (!node.TryGetProperty("ai", out var e))
        {
            r.Error(path, "required: what the AI tool says (\"source\": \"model\" or \"authored\").");
            return null;
        }

        if (!r.IsObject(e, path))
        {
            return null;
        }

        var source = r.String(e, "source", path, maxLength: 16);
        var tool = r.String(e, "tool", path, required: false, maxLength: 200) ?? string.Empty;
        if (source == "model")
        {
            r.OnlyKnown(e, path, "source", "tool", "observations", "highRisk", "lowRisk");
            return new AiSpec("model", tool, r.String(e, "observations", path, maxLength: 64), r.String(e, "highRisk", path, maxLength: 64),
                r.String(e, "lowRisk", path, maxLength: 64), null, null, null, [], null);
        }

        if (source == "authored")
        {
            r.OnlyKnown(e, path, "source", "tool", "prediction", "probability", "answer", "factors", "scope");
            var factors = new List<(string, string)>();
            foreach (var (f, fp) in r.Array(e, "factors", path, required: false))
            {
                if (r.IsObject(f, fp))
                {
                    r.OnlyKnown(f, fp, "factor", "value");
                    var factor = r.String(f, "factor", fp, maxLength: 200);
                    var value = r.String(f, "value", fp, required: false, maxLength: 200) ?? string.Empty;
                    if (factor is not null)
                    {
                        factors.Add((factor, value));
                    }
                }
            }

            return new AiSpec("authored", tool, null, null, null, r.String(e, "prediction", path, maxLength: 1000),
                r.Number(e, "probability", path, required: false, 0, 1), r.String(e, "answer", path, maxLength: 64), factors,
                r.String(e, "scope", path, maxLength: 1000));
        }

        if (source is not null)
        {
            r.Error(path + ".source", $"expected \"model\" or \"authored\"; found \"{source}\".");
        }

        return null;
    }
}

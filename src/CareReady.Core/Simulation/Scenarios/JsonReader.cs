using System.Globalization;
using System.Text.Json;

namespace CareReady.Core.Simulation.Scenarios;

/// <summary>Reads typed properties from a JSON object, recording a precise error (with the property's path) for each problem.</summary>
internal sealed class JsonReader(List<ScenarioError> errors)
{
    public void Error(string path, string message) => errors.Add(new ScenarioError(path, message));

    public static string Child(string path, string name) => path + "." + name;

    public static string Item(string path, int index) => path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";

    public bool IsObject(JsonElement e, string path)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            return true;
        }

        Error(path, "expected an object, found " + Describe(e) + ".");
        return false;
    }

    public void OnlyKnown(JsonElement obj, string path, params string[] known)
    {
        foreach (var p in obj.EnumerateObject())
        {
            if (!known.Contains(p.Name, StringComparer.Ordinal))
            {
                Error(Child(path, p.Name), "unknown property; expected one of: " + string.Join(", ", known) + ".");
            }
        }
    }

    public string? String(JsonElement obj, string name, string path, bool required = true, int maxLength = 20_000)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error(Child(path, name), "required text is missing.");
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.String)
        {
            Error(Child(path, name), "expected text, found " + Describe(v) + ".");
            return null;
        }

        var s = v.GetString()!;
        if (required && string.IsNullOrWhiteSpace(s))
        {
            Error(Child(path, name), "must not be empty.");
            return null;
        }

        if (s.Length > maxLength)
        {
            Error(Child(path, name), string.Create(CultureInfo.InvariantCulture, $"is {s.Length} characters long; at most {maxLength} are allowed."));
            return null;
        }

        return s;
    }

    public double? Number(JsonElement obj, string name, string path, bool required, double min = double.MinValue, double max = double.MaxValue)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error(Child(path, name), "required number is missing.");
            }

            return null;
        }

        if (v.ValueKind != JsonValueKind.Number)
        {
            Error(Child(path, name), "expected a number, found " + Describe(v) + ".");
            return null;
        }

        var d = v.GetDouble();
        if (d < min || d > max)
        {
            Error(Child(path, name), string.Create(CultureInfo.InvariantCulture, $"{d} is outside the allowed range {min}–{max}."));
            return null;
        }

        return d;
    }

    public int? Integer(JsonElement obj, string name, string path, bool required, int min, int max)
    {
        var d = Number(obj, name, path, required, min, max);
        if (d is { } value && Math.Floor(value) != value)
        {
            Error(Child(path, name), "expected a whole number.");
            return null;
        }

        return d is null ? null : (int)d.Value;
    }

    public bool? Bool(JsonElement obj, string name, string path)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return v.GetBoolean();
        }

        Error(Child(path, name), "expected true or false, found " + Describe(v) + ".");
        return null;
    }

    public IEnumerable<(JsonElement Element, string Path)> Array(JsonElement obj, string name, string path, bool required)
    {
        if (!obj.TryGetProperty(name, out var v) || v.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Error(Child(path, name), "required list is missing.");
            }

            return [];
        }

        if (v.ValueKind != JsonValueKind.Array)
        {
            Error(Child(path, name), "expected a list, found " + Describe(v) + ".");
            return [];
        }

        if (required && v.GetArrayLength() == 0)
        {
            Error(Child(path, name), "must not be empty.");
        }

        return v.EnumerateArray().Select((e, i) => (e, Item(Child(path, name), i))).ToList();
    }

    public static string Describe(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.String => "text",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        JsonValueKind.Array => "a list",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => e.ValueKind.ToString(),
    };
}

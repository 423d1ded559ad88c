using System.Globalization;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CareReady.Core.Learning.Packages;

/// <summary>
/// Reads the fields of one YAML mapping (the manifest, a lesson, a question, an option), checking
/// each value's kind and range and reporting what is wrong with the file, the line and the field:
/// <c>questions.yaml line 44: question "FIRE-Q07": 'tolerance' must be a number ≥ 0 (found "-1")</c>.
/// Fields the format does not know are reported too, so a misspelt <c>corect: true</c> is not silently ignored.
/// </summary>
internal sealed class YamlFields
{
    private readonly YamlMappingNode node;
    private readonly string path;
    private readonly List<PackageProblem> problems;
    private readonly Dictionary<string, YamlNode> values = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> keyLines = new(StringComparer.Ordinal);

    /// <param name="context">Prefix for messages, e.g. <c>question "FIRE-Q07"</c>; null for none.</param>
    /// <param name="known">The fields this mapping may have.</param>
    public YamlFields(YamlMappingNode node, string path, string? context, List<PackageProblem> problems, IReadOnlyCollection<string> known)
    {
        ArgumentNullException.ThrowIfNull(node);
        this.node = node;
        this.path = path;
        this.problems = problems;
        Context = context;
        foreach (var (key, value) in node.Children)
        {
            if (key is not YamlScalarNode { Value: { } name } || !known.Contains(name))
            {
                Problem(key.Start.ToLine(), $"unknown field '{(key as YamlScalarNode)?.Value ?? key.ToString()}' (expected {string.Join(", ", known.Select(k => "'" + k + "'"))})");
                continue;
            }

            values[name] = value;
            keyLines[name] = key.Start.ToLine();
        }
    }

    public string? Context { get; set; }

    /// <summary>Where problems are collected (shared by the fields of nested mappings).</summary>
    public List<PackageProblem> Problems => problems;

    /// <summary>Where the mapping starts (1-based).</summary>
    public int Line => node.Start.ToLine();

    /// <summary>The line of a field, or of the mapping when the field is absent.</summary>
    public int LineOf(string key) => keyLines.TryGetValue(key, out var line) ? line : Line;

    /// <summary>A field's text as written, before any checks (to name a question or outcome in messages).</summary>
    public static string? Peek(YamlMappingNode node, string key)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { } text } && !IsNull(value) && text.Trim().Length > 0
            ? text.Trim()
            : null;
    }

    /// <summary>True when the field is there with a value (not empty, <c>~</c> or <c>null</c>).</summary>
    public bool Has(string key) => values.TryGetValue(key, out var value) && !IsNull(value);

    public void Problem(int line, string message) =>
        problems.Add(new PackageProblem(path, line, Context is null ? message : Context + ": " + message));

    public void Problem(string key, string message) => Problem(LineOf(key), message);

    /// <summary>A text value, trimmed. Null (after a problem when required) when absent.</summary>
    public string? Text(string key, bool required, int maxLength)
    {
        if (Scalar(key, required, "text") is not { } value)
        {
            return null;
        }

        var text = value.Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                Problem(key, $"'{key}' is required");
            }

            return null;
        }

        if (text.Length > maxLength)
        {
            Problem(key, $"'{key}' is {text.Length} characters long; at most {maxLength} are allowed");
        }

        return text;
    }

    public int? WholeNumber(string key, bool required, int min, int? max)
    {
        if (Scalar(key, required, "a whole number") is not { } value)
        {
            return null;
        }

        if (int.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) && number >= min && number <= (max ?? int.MaxValue))
        {
            return number;
        }

        Problem(key, max is null
            ? $"'{key}' must be a whole number of at least {min} (found \"{value}\")"
            : $"'{key}' must be a whole number from {min} to {max} (found \"{value}\")");
        return null;
    }

    /// <summary>A decimal number that fits the database (at most 6 decimal places, less than a trillion).</summary>
    public decimal? Number(string key, bool required, decimal? min)
    {
        if (Scalar(key, required, "a number") is not { } value)
        {
            return null;
        }

        if (decimal.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            && Math.Abs(number) < 1_000_000_000_000m && number.Scale <= 6 && (min is null || number >= min))
        {
            return number;
        }

        Problem(key, $"'{key}' must be a number{(min is null ? "" : $" ≥ {min}")} with at most 6 decimal places (found \"{value}\")");
        return null;
    }

    public bool? Boolean(string key, bool required)
    {
        if (Scalar(key, required, "true or false") is not { } value)
        {
            return null;
        }

        if (bool.TryParse(value.Trim(), out var flag))
        {
            return flag;
        }

        Problem(key, $"'{key}' must be true or false (found \"{value}\")");
        return null;
    }

    /// <summary>A list; null (after a problem when required) when absent, empty or not a list.</summary>
    public IReadOnlyList<YamlNode>? List(string key, bool required)
    {
        if (!values.TryGetValue(key, out var value) || IsNull(value))
        {
            if (required)
            {
                Problem(key, $"'{key}' is required");
            }

            return null;
        }

        if (value is YamlSequenceNode list)
        {
            return list.Children.ToList();
        }

        Problem(key, $"'{key}' must be a list ('- ' items)");
        return null;
    }

    public YamlMappingNode? Mapping(string key, bool required)
    {
        if (!values.TryGetValue(key, out var value) || IsNull(value))
        {
            if (required)
            {
                Problem(key, $"'{key}' is required");
            }

            return null;
        }

        if (value is YamlMappingNode mapping)
        {
            return mapping;
        }

        Problem(key, $"'{key}' must be a set of 'name: value' fields");
        return null;
    }

    /// <summary>The item of a list as a mapping, or null after a problem.</summary>
    public YamlMappingNode? Item(YamlNode item, string what)
    {
        ArgumentNullException.ThrowIfNull(item);
        if (item is YamlMappingNode mapping)
        {
            return mapping;
        }

        Problem(item.Start.ToLine(), $"each {what} must be a set of 'name: value' fields");
        return null;
    }

    private string? Scalar(string key, bool required, string expected)
    {
        if (!values.TryGetValue(key, out var value) || IsNull(value))
        {
            if (required)
            {
                Problem(key, $"'{key}' is required");
            }

            return null;
        }

        if (value is YamlScalarNode scalar)
        {
            return scalar.Value ?? "";
        }

        Problem(key, $"'{key}' must be {expected}, not a {(value is YamlSequenceNode ? "list" : "set of fields")}");
        return null;
    }

    internal static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain or ScalarStyle.Any, Value: null or "" or "~" or "null" or "Null" or "NULL" };
}

using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CareReady.Core.Learning.Packages;

/// <summary>
/// Writes the block-style YAML of a package's files: plain scalars where they read back as the same
/// text, double quotes where a plain one would read as a number, true/false or null, and literal
/// blocks (<c>|</c>) for text over several lines.
/// </summary>
internal sealed partial class YamlWriter
{
    private readonly System.Text.StringBuilder text = new();
    private readonly Emitter emitter;

    public YamlWriter()
    {
        emitter = new Emitter(new StringWriter(text, CultureInfo.InvariantCulture) { NewLine = "\n" }, EmitterSettings.Default.WithBestWidth(110).WithNewLine("\n").WithIndentedSequences());
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart());
        emitter.Emit(new MappingStart());
    }

    public YamlWriter Text(string key, string? value)
    {
        if (value is not null)
        {
            Key(key);
            Scalar(value);
        }

        return this;
    }

    public YamlWriter Number(string key, decimal? value) =>
        value is null ? this : Raw(key, value.Value.ToString("0.######", CultureInfo.InvariantCulture));

    public YamlWriter Number(string key, int value) => Raw(key, value.ToString(CultureInfo.InvariantCulture));

    public YamlWriter Boolean(string key, bool? value) => value is null ? this : Raw(key, value.Value ? "true" : "false");

    /// <summary>A list of mappings, each written by <paramref name="item"/>; nothing when empty and <paramref name="skipWhenEmpty"/>.</summary>
    public YamlWriter List<T>(string key, IEnumerable<T> items, Action<YamlWriter, T> item, bool skipWhenEmpty = false)
    {
        var all = items.ToList();
        if (all.Count == 0 && skipWhenEmpty)
        {
            return this;
        }

        Key(key);
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
        foreach (var value in all)
        {
            emitter.Emit(new MappingStart());
            item(this, value);
            emitter.Emit(new MappingEnd());
        }

        emitter.Emit(new SequenceEnd());
        return this;
    }

    /// <summary>A list of text values.</summary>
    public YamlWriter Texts(string key, IEnumerable<string> values)
    {
        Key(key);
        emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, isImplicit: true, SequenceStyle.Block));
        foreach (var value in values)
        {
            Scalar(value);
        }

        emitter.Emit(new SequenceEnd());
        return this;
    }

    /// <summary>A nested mapping, written by <paramref name="fields"/>.</summary>
    public YamlWriter Mapping(string key, Action<YamlWriter> fields)
    {
        Key(key);
        emitter.Emit(new MappingStart());
        fields(this);
        emitter.Emit(new MappingEnd());
        return this;
    }

    /// <summary>Ends the document and returns it.</summary>
    public string Finish()
    {
        emitter.Emit(new MappingEnd());
        emitter.Emit(new DocumentEnd(isImplicit: true));
        emitter.Emit(new StreamEnd());
        return text.ToString();
    }

    private YamlWriter Raw(string key, string value)
    {
        Key(key);
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));
        return this;
    }

    private void Key(string key) =>
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, key, ScalarStyle.Plain, isPlainImplicit: true, isQuotedImplicit: false));

    private void Scalar(string value)
    {
        var style = value.Contains('\n', StringComparison.Ordinal) ? ScalarStyle.Literal
            : LooksTyped().IsMatch(value) ? ScalarStyle.DoubleQuoted
            : ScalarStyle.Any;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, isPlainImplicit: true, isQuotedImplicit: true));
    }

    /// <summary>Text a plain scalar would turn into null, a boolean or a number.</summary>
    [GeneratedRegex(@"^(|~|null|true|false|yes|no|on|off|[-+]?(\.[0-9]+|[0-9][0-9_.,:eExXoObB+-]*)|[-+]?\.(inf|nan))$", RegexOptions.IgnoreCase)]
    private static partial Regex LooksTyped();
}

using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Html;

namespace CareReady.Web.Analytics;

/// <summary>One line of a line chart: a name, a colour, a dash pattern (so lines differ without colour) and a value per x label.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, int Style = 0);

/// <summary>
/// Server-rendered SVG charts: no script, crisp when printed, text in the page's font. Each chart is an
/// image with a title and description for screen readers; the data table beside it carries the numbers.
/// Colours are the NHS palette; lines also differ by dash pattern and marker for colour-blind readers.
/// </summary>
public static class SvgCharts
{
    private static readonly string[] Colours = ["#005eb8", "#d5281b", "#007f3b", "#ffb81c", "#330072", "#ae2573", "#00a499", "#425563", "#ed8b00", "#41b6e6"];
    private static readonly string[] Dashes = ["", "6 3", "2 3", "8 3 2 3", "", "6 3", "2 3", "8 3 2 3", "", "6 3"];
    private static readonly CultureInfo C = CultureInfo.InvariantCulture;

    public static string Colour(int style) => Colours[style % Colours.Length];

    /// <summary>A line chart over x labels; <paramref name="marker"/> draws a labelled vertical line at that x index.</summary>
    public static IHtmlContent Line(string id, string title, string description, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series,
        double? min = null, double? max = null, string unit = "", int? marker = null, string? markerLabel = null, double? target = null)
    {
        const int W = 720, H = 300, L = 56, R = 16, T = 16, B = 48;
        var values = series.SelectMany(s => s.Values).Where(v => v is not null).Select(v => v!.Value).ToList();
        var lo = min ?? (values.Count == 0 ? 0 : Math.Floor(values.Min() * 0.95));
        var hi = max ?? (values.Count == 0 ? 1 : Math.Ceiling(values.Max() * 1.05));
        if (hi <= lo)
        {
            hi = lo + 1;
        }

        double X(int i) => L + (labels.Count <= 1 ? 0 : (W - L - R) * i / (double)(labels.Count - 1));
        double Y(double v) => T + ((H - T - B) * (1 - ((v - lo) / (hi - lo))));
        var svg = new StringBuilder();
        svg.Append(C, $"<svg class=\"app-chart\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"Frutiger W01, Arial, sans-serif\" font-size=\"12\">");
        svg.Append(C, $"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        for (var k = 0; k <= 4; k++)
        {
            var v = lo + ((hi - lo) * k / 4);
            svg.Append(C, $"<line x1=\"{L}\" x2=\"{W - R}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" stroke=\"#d8dde0\"/><text x=\"{L - 6}\" y=\"{Y(v) + 4:0.#}\" text-anchor=\"end\" fill=\"#212b32\">{v.ToString("0.#", C)}{E(unit)}</text>");
        }

        var step = Math.Max(1, (int)Math.Ceiling(labels.Count / 8.0));
        for (var i = 0; i < labels.Count; i += step)
        {
            svg.Append(C, $"<text x=\"{X(i):0.#}\" y=\"{H - B + 18}\" text-anchor=\"middle\" fill=\"#212b32\">{E(labels[i])}</text>");
        }

        if (target is double t && t >= lo && t <= hi)
        {
            svg.Append(C, $"<line x1=\"{L}\" x2=\"{W - R}\" y1=\"{Y(t):0.#}\" y2=\"{Y(t):0.#}\" stroke=\"#212b32\" stroke-dasharray=\"4 4\"/><text x=\"{W - R}\" y=\"{Y(t) - 4:0.#}\" text-anchor=\"end\" fill=\"#212b32\">target {t.ToString("0.#", C)}{E(unit)}</text>");
        }

        if (marker is int m && m >= 0 && m < labels.Count)
        {
            svg.Append(C, $"<line x1=\"{X(m):0.#}\" x2=\"{X(m):0.#}\" y1=\"{T}\" y2=\"{H - B}\" stroke=\"#4c6272\" stroke-dasharray=\"2 2\"/><text x=\"{X(m) + 4:0.#}\" y=\"{T + 12}\" fill=\"#4c6272\">{E(markerLabel ?? "")}</text>");
        }

        foreach (var s in series)
        {
            var colour = Colour(s.Style);
            var path = new StringBuilder();
            var pen = false;
            for (var i = 0; i < s.Values.Count && i < labels.Count; i++)
            {
                if (s.Values[i] is double v)
                {
                    path.Append(C, $"{(pen ? "L" : "M")}{X(i):0.#},{Y(v):0.#} ");
                    pen = true;
                }
                else
                {
                    pen = false;
                }
            }

            svg.Append(C, $"<path d=\"{path}\" fill=\"none\" stroke=\"{colour}\" stroke-width=\"2.5\" stroke-dasharray=\"{Dashes[s.Style % Dashes.Length]}\"/>");
        }

        svg.Append(C, $"<line x1=\"{L}\" x2=\"{L}\" y1=\"{T}\" y2=\"{H - B}\" stroke=\"#4c6272\"/><line x1=\"{L}\" x2=\"{W - R}\" y1=\"{H - B}\" y2=\"{H - B}\" stroke=\"#4c6272\"/>");
        svg.Append("</svg>");
        svg.Append("<ul class=\"app-chart-legend\">");
        foreach (var s in series)
        {
            svg.Append(C, $"<li><svg width=\"28\" height=\"10\" aria-hidden=\"true\" focusable=\"false\"><line x1=\"0\" x2=\"28\" y1=\"5\" y2=\"5\" stroke=\"{Colour(s.Style)}\" stroke-width=\"3\" stroke-dasharray=\"{Dashes[s.Style % Dashes.Length]}\"/></svg> {E(s.Name)}</li>");
        }

        svg.Append("</ul>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>Horizontal bars, one per label, largest scale at <paramref name="max"/> (or the largest value).</summary>
    public static IHtmlContent Bars(string id, string title, string description, IReadOnlyList<(string Label, double? Value)> bars, double? max = null, string unit = "")
    {
        const int W = 720, Row = 22, L = 260, R = 60;
        var H = (bars.Count * Row) + 8;
        var top = max ?? Math.Max(1, bars.Where(b => b.Value is not null).Select(b => b.Value!.Value).DefaultIfEmpty(1).Max());
        var svg = new StringBuilder();
        svg.Append(C, $"<svg class=\"app-chart\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-labelledby=\"{id}-title {id}-desc\" xmlns=\"http://www.w3.org/2000/svg\" font-family=\"Frutiger W01, Arial, sans-serif\" font-size=\"12\">");
        svg.Append(C, $"<title id=\"{id}-title\">{E(title)}</title><desc id=\"{id}-desc\">{E(description)}</desc>");
        for (var i = 0; i < bars.Count; i++)
        {
            var y = 4 + (i * Row);
            var (label, value) = bars[i];
            var width = value is double v ? (W - L - R) * Math.Clamp(v / top, 0, 1) : 0;
            svg.Append(C, $"<text x=\"{L - 8}\" y=\"{y + 14}\" text-anchor=\"end\" fill=\"#212b32\">{E(label.Length > 40 ? label[..39] + "…" : label)}</text>");
            svg.Append(C, $"<rect x=\"{L}\" y=\"{y + 3}\" width=\"{width:0.#}\" height=\"{Row - 6}\" fill=\"#005eb8\"/>");
            svg.Append(C, $"<text x=\"{L + width + 6:0.#}\" y=\"{y + 14}\" fill=\"#212b32\">{(value is double x ? x.ToString("0.#", C) + unit : "—")}</text>");
        }

        svg.Append("</svg>");
        return new HtmlString(svg.ToString());
    }

    /// <summary>Heatmap cell colours: dark text on light fills, so the number stays readable (contrast ≥ 4.5:1).</summary>
    public static string HeatClass(double? percent, decimal target) => percent switch
    {
        null => "app-heat--none",
        double p when p >= (double)target => "app-heat--met",
        double p when p >= (double)target - 10 => "app-heat--near",
        _ => "app-heat--below",
    };

    private static string E(string text) => WebUtility.HtmlEncode(text);
}

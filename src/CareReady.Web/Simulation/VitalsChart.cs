using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using CareReady.Core.Simulation;
using CareReady.Core.Simulation.Scenarios;

namespace CareReady.Web.Simulation;

/// <summary>
/// Server-rendered SVG of vital signs over time: one small panel per sign (respiration, SpO2, systolic BP,
/// pulse, temperature) with each value labelled and the NEWS2 score of each set along the bottom. Scales with
/// the page width; the table beside it carries the same numbers for screen readers.
/// </summary>
public static class VitalsChart
{
    private const int Width = 480;
    private const int PanelHeight = 56;
    private const int Left = 112;
    private const int Right = 30;

    private static readonly (string Label, Func<VitalsSet, double?> Value, double Min, double Max, string Format)[] Signs =
    [
        ("Resp. rate /min", v => v.RespirationRate, 5, 35, "0"),
        ("SpO2 %", v => v.SpO2, 80, 100, "0"),
        ("Systolic BP", v => v.SystolicBp, 70, 200, "0"),
        ("Pulse /min", v => v.Pulse, 40, 150, "0"),
        ("Temp °C", v => (double?)v.Temperature, 34.5, 40.5, "0.0"),
    ];

    public static string Svg(IReadOnlyList<VitalsSet> vitals, SpO2Scale scale)
    {
        ArgumentNullException.ThrowIfNull(vitals);
        var c = CultureInfo.InvariantCulture;
        var enc = HtmlEncoder.Default;
        var height = Signs.Length * PanelHeight + 50;
        var plotWidth = Width - Left - Right;
        double X(int i) => vitals.Count == 1 ? Left + plotWidth / 2.0 : Left + plotWidth * i / (double)(vitals.Count - 1);
        var news = vitals.Select(v => ScenarioEngine.News2For(v, scale).Total).ToList();
        var summary = string.Join("; ", vitals.Select((v, i) => string.Create(c,
            $"{v.Time}: respiration {v.RespirationRate}, SpO2 {v.SpO2}%{(v.OnOxygen ? " on oxygen" : "")}, BP {v.SystolicBp}, pulse {v.Pulse}, temperature {(v.Temperature is null ? "not recorded" : v.Temperature.Value.ToString("0.0", c))}, NEWS2 {news[i]}")));
        var sb = new StringBuilder();
        sb.Append(c, $"<svg class=\"cr-vitals-chart\" viewBox=\"0 0 {Width} {height}\" role=\"img\" aria-label=\"Vital signs chart. {enc.Encode(summary)}\" xmlns=\"http://www.w3.org/2000/svg\" style=\"width:100%;height:auto;max-width:{Width}px\">");
        for (var p = 0; p < Signs.Length; p++)
        {
            var (label, value, min, max, format) = Signs[p];
            var top = 10 + p * PanelHeight;
            var bottom = top + PanelHeight - 16;
            double Y(double v) => bottom - (Math.Clamp(v, min, max) - min) / (max - min) * (bottom - top);
            sb.Append(c, $"<rect x=\"{Left}\" y=\"{top}\" width=\"{plotWidth}\" height=\"{bottom - top}\" fill=\"#f0f4f5\"/>");
            sb.Append(c, $"<text x=\"4\" y=\"{(top + bottom) / 2 + 5}\" font-size=\"14\" fill=\"#212b32\">{enc.Encode(label)}</text>");
            var points = vitals.Select((v, i) => (i, v: value(v))).Where(t => t.v is not null).ToList();
            if (points.Count > 1)
            {
                sb.Append("<polyline fill=\"none\" stroke=\"#005eb8\" stroke-width=\"2\" points=\"");
                sb.AppendJoin(' ', points.Select(t => string.Create(c, $"{X(t.i):0.#},{Y(t.v!.Value):0.#}")));
                sb.Append("\"/>");
            }

            foreach (var (i, v) in points)
            {
                sb.Append(c, $"<circle cx=\"{X(i):0.#}\" cy=\"{Y(v!.Value):0.#}\" r=\"4\" fill=\"#005eb8\"/>");
                sb.Append(c, $"<text x=\"{X(i) + 6:0.#}\" y=\"{Y(v.Value) - 6:0.#}\" font-size=\"13\" fill=\"#212b32\">{v.Value.ToString(format, c)}</text>");
            }
        }

        var axis = 10 + Signs.Length * PanelHeight;
        for (var i = 0; i < vitals.Count; i++)
        {
            var colour = news[i] >= 7 ? "#d5281b" : news[i] >= 5 ? "#ed8b00" : "#212b32";
            sb.Append(c, $"<text x=\"{X(i):0.#}\" y=\"{axis + 2}\" font-size=\"13\" text-anchor=\"middle\" fill=\"#212b32\">{enc.Encode(vitals[i].Time)}</text>");
            sb.Append(c, $"<text x=\"{X(i):0.#}\" y=\"{axis + 20}\" font-size=\"13\" font-weight=\"bold\" text-anchor=\"middle\" fill=\"{colour}\">NEWS2 {news[i]}</text>");
        }

        sb.Append("</svg>");
        return sb.ToString();
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;

namespace CareReady.Core.Scorm;

/// <summary>
/// SCORM's time spans, as a SCO reports cmi.core.session_time / cmi.session_time and as the LMS gives it
/// cmi.core.total_time / cmi.total_time: SCORM 1.2 CMITimespan "HHHH:MM:SS.SS" (hours two to four digits, seconds to
/// hundredths); SCORM 2004 timeinterval, an ISO 8601 duration ("PT1H2M3.45S", precision a hundredth of a second).
/// </summary>
public static partial class CmiTime
{
    /// <summary>The most hours a 1.2 time span holds (four digits).</summary>
    private const int MaxHours12 = 9999;

    private const long TicksPerHundredth = TimeSpan.TicksPerMillisecond * 10;

    /// <summary>The span, or null when the text is empty or not a time span of that edition.</summary>
    public static TimeSpan? Parse(ScormEdition edition, string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (edition == ScormEdition.Scorm12)
        {
            var match = Timespan12().Match(text);
            if (!match.Success)
            {
                return null;
            }

            var seconds = decimal.Parse(match.Groups["s"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            return TimeSpan.FromHours(int.Parse(match.Groups["h"].Value, CultureInfo.InvariantCulture))
                + TimeSpan.FromMinutes(int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture))
                + TimeSpan.FromMilliseconds((double)(seconds * 1000m));
        }

        try
        {
            // xs:duration, as ISO 8601 gives it; a year counts 365 days and a month 30.
            var span = XmlConvert.ToTimeSpan(text.Trim());
            return span < TimeSpan.Zero ? null : span;
        }
        catch (FormatException)
        {
            return null;
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    /// <summary>The span as the edition writes it, to the hundredth of a second (1.2 caps at 9999 hours).</summary>
    public static string Format(ScormEdition edition, TimeSpan span)
    {
        var centiseconds = Math.Max(0L, (long)Math.Round(span.Ticks / (double)TicksPerHundredth));
        if (edition == ScormEdition.Scorm12)
        {
            var hours = centiseconds / 360_000;
            var minutes = centiseconds / 6_000 % 60;
            var seconds = centiseconds / 100 % 60;
            var hundredths = centiseconds % 100;
            if (hours > MaxHours12)
            {
                return $"{MaxHours12}:59:59.99";
            }

            var text = string.Create(CultureInfo.InvariantCulture, $"{hours:00}:{minutes:00}:{seconds:00}");
            return hundredths == 0 ? text : string.Create(CultureInfo.InvariantCulture, $"{text}.{hundredths:00}");
        }

        // xs:duration, which is ISO 8601's (days for 24 hours and more: "P416DT16H"), of the span rounded to hundredths.
        return XmlConvert.ToString(TimeSpan.FromTicks(centiseconds * TicksPerHundredth));
    }

    [GeneratedRegex(@"^(?<h>\d{2,4}):(?<m>[0-5]\d):(?<s>[0-5]\d(\.\d{1,2})?)$", RegexOptions.CultureInvariant)]
    private static partial Regex Timespan12();
}

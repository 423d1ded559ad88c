using CareReady.Core.Scorm;

namespace CareReady.Core.Tests.Scorm;

public class CmiTimeTests
{
    [Theory]
    [InlineData("00:00:00", 0.0)]
    [InlineData("01:02:03", 3723.0)]
    [InlineData("0000:01:30.5", 90.5)]
    [InlineData("9999:59:59.99", 35999999.99)]
    [InlineData("1:02:03", null)]
    [InlineData("00:61:00", null)]
    [InlineData("00:00:00.123", null)]
    [InlineData("PT1M", null)]
    [InlineData("", null)]
    public void Scorm12_reads_cmi_timespans_and_refuses_what_is_not_one(string text, double? seconds) =>
        Assert.Equal(seconds is { } s ? TimeSpan.FromMilliseconds(s * 1000) : null, CmiTime.Parse(ScormEdition.Scorm12, text));

    [Theory]
    [InlineData("PT0S", 0.0)]
    [InlineData("PT1H2M3.45S", 3723.45)]
    [InlineData("P1DT1H", 90000.0)]
    [InlineData("PT90S", 90.0)]
    [InlineData("-PT1S", null)]
    [InlineData("01:02:03", null)]
    [InlineData("soon", null)]
    public void Scorm2004_reads_iso_8601_durations(string text, double? seconds) =>
        Assert.Equal(seconds is { } s ? TimeSpan.FromMilliseconds(s * 1000) : null, CmiTime.Parse(ScormEdition.Scorm2004, text));

    [Theory]
    [InlineData(0, "00:00:00", "PT0S")]
    [InlineData(3.5, "00:00:03.50", "PT3.5S")]
    [InlineData(3723.45, "01:02:03.45", "PT1H2M3.45S")]
    [InlineData(3600, "01:00:00", "PT1H")]
    [InlineData(750.05, "00:12:30.05", "PT12M30.05S")]
    [InlineData(36_000_000, "9999:59:59.99", "P416DT16H")]
    public void Each_edition_writes_its_own_format_to_the_hundredth(double seconds, string scorm12, string scorm2004)
    {
        var span = TimeSpan.FromMilliseconds(seconds * 1000);
        Assert.Equal((scorm12, scorm2004), (CmiTime.Format(ScormEdition.Scorm12, span), CmiTime.Format(ScormEdition.Scorm2004, span)));
    }

    [Theory]
    [InlineData(ScormEdition.Scorm12, "02:15:07.25")]
    [InlineData(ScormEdition.Scorm2004, "PT2H15M7.25S")]
    public void What_is_written_reads_back_the_same(ScormEdition edition, string text) =>
        Assert.Equal(text, CmiTime.Format(edition, CmiTime.Parse(edition, text)!.Value));

    [Theory]
    [InlineData(ScormEdition.Scorm12, "cmi.core.session_time", "0002:30:00", 9000.0)]
    [InlineData(ScormEdition.Scorm2004, "cmi.session_time", "PT2H30M", 9000.0)]
    [InlineData(ScormEdition.Scorm2004, "cmi.session_time", "P2Y", null)]
    [InlineData(ScormEdition.Scorm2004, "cmi.session_time", "P99999999Y", null)]
    [InlineData(ScormEdition.Scorm12, "cmi.session_time", "00:10:00", null)]
    public void A_session_time_counts_when_it_is_the_edition_s_own_element_and_believable(ScormEdition edition, string key, string value, double? seconds) =>
        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, new CmiData(edition, new Dictionary<string, string> { [key] = value }).SessionTime);
}

using CareReady.Core.Simulation;

namespace CareReady.Core.Tests.Simulation;

/// <summary>Every band boundary of the RCP 2017 NEWS2 chart 1, both sides of each edge.</summary>
public sealed class News2Tests
{
    [Theory]
    [InlineData(0, 3), InlineData(8, 3), InlineData(9, 1), InlineData(11, 1), InlineData(12, 0)]
    [InlineData(20, 0), InlineData(21, 2), InlineData(24, 2), InlineData(25, 3), InlineData(60, 3)]
    public void Respiration_rate(int rate, int expected) => Assert.Equal(expected, News2.ScoreRespirationRate(rate));

    [Theory]
    [InlineData(70, 3), InlineData(91, 3), InlineData(92, 2), InlineData(93, 2), InlineData(94, 1)]
    [InlineData(95, 1), InlineData(96, 0), InlineData(100, 0)]
    public void SpO2_scale_1_is_the_same_on_air_or_oxygen(int spo2, int expected)
    {
        Assert.Equal(expected, News2.ScoreSpO2(spo2, onOxygen: false, SpO2Scale.Scale1));
        Assert.Equal(expected, News2.ScoreSpO2(spo2, onOxygen: true, SpO2Scale.Scale1));
    }

    [Theory]
    [InlineData(80, false, 3), InlineData(83, false, 3), InlineData(84, false, 2), InlineData(85, false, 2)]
    [InlineData(86, false, 1), InlineData(87, false, 1), InlineData(88, false, 0), InlineData(92, false, 0)]
    [InlineData(93, false, 0), InlineData(97, false, 0), InlineData(100, false, 0)]
    [InlineData(83, true, 3), InlineData(84, true, 2), InlineData(85, true, 2), InlineData(86, true, 1)]
    [InlineData(87, true, 1), InlineData(88, true, 0), InlineData(92, true, 0), InlineData(93, true, 1)]
    [InlineData(94, true, 1), InlineData(95, true, 2), InlineData(96, true, 2), InlineData(97, true, 3)]
    [InlineData(100, true, 3)]
    public void SpO2_scale_2_with_the_on_oxygen_rows(int spo2, bool onOxygen, int expected)
        => Assert.Equal(expected, News2.ScoreSpO2(spo2, onOxygen, SpO2Scale.Scale2));

    [Fact]
    public void Supplemental_oxygen_scores_2()
    {
        Assert.Equal(2, News2.ScoreAirOrOxygen(true));
        Assert.Equal(0, News2.ScoreAirOrOxygen(false));
    }

    [Theory]
    [InlineData(60, 3), InlineData(90, 3), InlineData(91, 2), InlineData(100, 2), InlineData(101, 1)]
    [InlineData(110, 1), InlineData(111, 0), InlineData(219, 0), InlineData(220, 3), InlineData(250, 3)]
    public void Systolic_blood_pressure(int mmHg, int expected) => Assert.Equal(expected, News2.ScoreSystolicBp(mmHg));

    [Theory]
    [InlineData(30, 3), InlineData(40, 3), InlineData(41, 1), InlineData(50, 1), InlineData(51, 0)]
    [InlineData(90, 0), InlineData(91, 1), InlineData(110, 1), InlineData(111, 2), InlineData(130, 2)]
    [InlineData(131, 3), InlineData(180, 3)]
    public void Pulse(int perMinute, int expected) => Assert.Equal(expected, News2.ScorePulse(perMinute));

    [Theory]
    [InlineData(Consciousness.Alert, 0), InlineData(Consciousness.NewConfusion, 3), InlineData(Consciousness.Voice, 3)]
    [InlineData(Consciousness.Pain, 3), InlineData(Consciousness.Unresponsive, 3)]
    public void Consciousness_ACVPU_with_new_confusion(Consciousness level, int expected)
        => Assert.Equal(expected, News2.ScoreConsciousness(level));

    [Theory]
    [InlineData("34.0", 3), InlineData("35.0", 3), InlineData("35.1", 1), InlineData("36.0", 1), InlineData("36.1", 0)]
    [InlineData("38.0", 0), InlineData("38.1", 1), InlineData("39.0", 1), InlineData("39.1", 2), InlineData("41.0", 2)]
    [InlineData("35.04", 3), InlineData("35.05", 1), InlineData("38.04", 0), InlineData("38.05", 1)]
    public void Temperature_read_to_one_decimal(string celsius, int expected)
        => Assert.Equal(expected, News2.ScoreTemperature(decimal.Parse(celsius, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(0, false, News2Risk.None)]
    [InlineData(1, false, News2Risk.Low)]
    [InlineData(4, false, News2Risk.Low)]
    [InlineData(3, true, News2Risk.LowMedium)]
    [InlineData(4, true, News2Risk.LowMedium)]
    [InlineData(5, false, News2Risk.Medium)]
    [InlineData(5, true, News2Risk.Medium)]
    [InlineData(6, false, News2Risk.Medium)]
    [InlineData(7, false, News2Risk.High)]
    [InlineData(7, true, News2Risk.High)]
    [InlineData(20, true, News2Risk.High)]
    public void Clinical_risk_bands(int total, bool red, News2Risk expected) => Assert.Equal(expected, News2.Band(total, red));

    private static readonly News2Observations Normal = new(16, 97, false, 125, 72, Consciousness.Alert, 36.8m);

    [Fact]
    public void Normal_observations_score_zero_with_12_hourly_monitoring()
    {
        var r = News2.Score(Normal);
        Assert.Equal(0, r.Total);
        Assert.False(r.RedScore);
        Assert.Equal(News2Risk.None, r.Risk);
        Assert.Contains("12-hourly", r.Monitoring, StringComparison.Ordinal);
    }

    [Fact]
    public void New_confusion_alone_is_a_red_score_low_medium_urgent_ward_response()
    {
        var r = News2.Score(Normal with { Consciousness = Consciousness.NewConfusion });
        Assert.Equal(3, r.Total);
        Assert.True(r.RedScore);
        Assert.Equal(News2Risk.LowMedium, r.Risk);
        Assert.Contains("Urgent ward-based response", r.Response, StringComparison.Ordinal);
    }

    [Fact]
    public void Oxygen_alone_is_not_a_red_score()
    {
        var r = News2.Score(Normal with { OnOxygen = true });
        Assert.Equal(2, r.Total);
        Assert.False(r.RedScore);
        Assert.Equal(News2Risk.Low, r.Risk);
    }

    [Fact]
    public void Worked_example_medium_then_high()
    {
        // RR 22 (2) + SpO2 95 (1) + air (0) + SBP 105 (1) + pulse 105 (1) + alert (0) + 38.3 (1) = 6 → medium.
        var medium = News2.Score(new News2Observations(22, 95, false, 105, 105, Consciousness.Alert, 38.3m));
        Assert.Equal((2, 1, 0, 1, 1, 0, 1), (medium.RespirationRate, medium.SpO2, medium.AirOrOxygen, medium.SystolicBp, medium.Pulse, medium.Consciousness, medium.Temperature));
        Assert.Equal(6, medium.Total);
        Assert.Equal(News2Risk.Medium, medium.Risk);

        // The same patient on oxygen with SpO2 93: +2 oxygen, SpO2 now 2 → 9 → high, continuous monitoring.
        var high = News2.Score(new News2Observations(22, 93, true, 105, 105, Consciousness.Alert, 38.3m));
        Assert.Equal(9, high.Total);
        Assert.Equal(News2Risk.High, high.Risk);
        Assert.Contains("Continuous", high.Monitoring, StringComparison.Ordinal);
        Assert.Contains("Emergency response", high.Response, StringComparison.Ordinal);
    }

    [Fact]
    public void Scale_2_patient_on_target_on_oxygen_scores_only_for_the_oxygen()
    {
        var copd = new News2Observations(18, 90, true, 130, 80, Consciousness.Alert, 36.9m, SpO2Scale.Scale2);
        Assert.Equal(2, News2.Score(copd).Total);
        // The same saturation read on scale 1 is a red score: 3 + 2 for oxygen = 5, medium.
        var scale1 = News2.Score(copd with { Scale = SpO2Scale.Scale1 });
        Assert.True(scale1.RedScore);
        Assert.Equal(News2Risk.Medium, scale1.Risk);
    }
}

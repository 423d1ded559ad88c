using System.Diagnostics.Metrics;

namespace CareReady.Core.Xapi;

/// <summary>
/// The LRS's counters, on the meter <c>CareReady.Xapi</c> (for <c>dotnet-counters</c>, OpenTelemetry or a test's
/// <see cref="MeterListener"/>). Singleton: one meter per application, made by its <see cref="IMeterFactory"/>.
/// </summary>
public sealed class XapiMetrics
{
    public const string MeterName = "CareReady.Xapi";

    /// <summary>Tag <c>path</c> of <see cref="StatementGroups"/>: written in one round trip (<see cref="PlainGroupWrite"/>).</summary>
    public const string OneRoundTrip = "one_round_trip";

    /// <summary>Tag <c>path</c> of <see cref="StatementGroups"/>: read first, checked, then written.</summary>
    public const string Checked = "checked";

    public XapiMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        var meter = meters.Create(MeterName);
        StatementGroups = meter.CreateCounter<long>("careready.xapi.statement_groups", "{group}",
            "Groups of statement requests the writer stored, by path: one_round_trip or checked");
        GroupStatements = meter.CreateHistogram<int>("careready.xapi.group_statements", "{statement}",
            "Statements in the requests of each group the writer stored, by path");
        GroupDuration = meter.CreateHistogram<double>("careready.xapi.group_duration", "s",
            "From the writer taking a group to learning it committed, by path (checked: from the start of its transaction, also when a one-round-trip try went before; a group of 100 or more is answered after a flush as well)");
    }

    public Counter<long> StatementGroups { get; }

    /// <summary>How many statements the writer's groups hold: with the duration, how group commit is going.</summary>
    public Histogram<int> GroupStatements { get; }

    public Histogram<double> GroupDuration { get; }

    /// <summary>
    /// Counts one group stored by <paramref name="path"/> (<see cref="OneRoundTrip"/> or <see cref="Checked"/>), its
    /// requests' <paramref name="statements"/> and the time it <paramref name="took"/>.
    /// </summary>
    public void GroupStored(string path, int statements, TimeSpan took)
    {
        var tag = new KeyValuePair<string, object?>("path", path);
        StatementGroups.Add(1, tag);
        GroupStatements.Record(statements, tag);
        GroupDuration.Record(took.TotalSeconds, tag);
    }
}

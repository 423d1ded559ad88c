using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace CareReady.Web.Tests.Xapi;

/// <summary>The path of each statement group this application's writer stored, in order (its meter only).</summary>
internal sealed class GroupPaths : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<string> _taken = new();

    public GroupPaths(IMeterFactory meters)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Name == "careready.xapi.statement_groups")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "path")
                {
                    _taken.Enqueue((string)tag.Value!);
                }
            }
        });
        _listener.Start();
    }

    public List<string> Taken => [.. _taken];

    public void Dispose() => _listener.Dispose();
}

using System.Text.Json;

namespace CareReady.Core.Simulation.Scenarios;

/// <summary>Reads an observations node: patient facts, vital-sign sets (oldest first), labs and history.</summary>
internal static class ObservationsReader
{
    public static ScenarioNode Read(JsonReader r, JsonElement e, string path, ScenarioNode node)
    {
        if (!e.TryGetProperty("vitals", out _) && !e.TryGetProperty("labs", out _) && !e.TryGetProperty("history", out _))
        {
            r.Error(path, "an observations node needs \"vitals\", \"labs\" or \"history\".");
        }

        PatientFacts? patient = null;
        if (e.TryGetProperty("patient", out var p) && r.IsObject(p, path + ".patient"))
        {
            var pp = path + ".patient";
            r.OnlyKnown(p, pp, "age", "comorbidities", "hypercapnic", "pregnant", "betaBlocked", "hoursSinceObservations");
            var age = r.Integer(p, "age", pp, required: true, 0, 120);
            patient = new PatientFacts(age ?? 0, r.Integer(p, "comorbidities", pp, required: false, 0, 6) ?? 0,
                r.Bool(p, "hypercapnic", pp) ?? false, r.Bool(p, "pregnant", pp) ?? false, r.Bool(p, "betaBlocked", pp) ?? false,
                r.Number(p, "hoursSinceObservations", pp, required: false, 0, 168) ?? 0);
        }

        var vitals = new List<VitalsSet>();
        foreach (var (v, vp) in r.Array(e, "vitals", path, required: false))
        {
            if (!r.IsObject(v, vp))
            {
                continue;
            }

            r.OnlyKnown(v, vp, "time", "rr", "spo2", "oxygen", "sbp", "pulse", "consciousness", "temp");
            var time = r.String(v, "time", vp, maxLength: 32);
            var rr = r.Integer(v, "rr", vp, required: true, 0, 80);
            var spo2 = r.Integer(v, "spo2", vp, required: true, 50, 100);
            var sbp = r.Integer(v, "sbp", vp, required: true, 40, 300);
            var pulse = r.Integer(v, "pulse", vp, required: true, 20, 250);
            var temp = r.Number(v, "temp", vp, required: false, 30, 44);
            var acvpu = r.String(v, "consciousness", vp, maxLength: 1);
            Consciousness? level = acvpu switch
            {
                "A" => Consciousness.Alert,
                "C" => Consciousness.NewConfusion,
                "V" => Consciousness.Voice,
                "P" => Consciousness.Pain,
                "U" => Consciousness.Unresponsive,
                null => null,
                _ => null,
            };
            if (acvpu is not null && level is null)
            {
                r.Error(vp + ".consciousness", $"expected one of A, C (new confusion), V, P, U; found \"{acvpu}\".");
            }

            if (time is not null && rr is not null && spo2 is not null && sbp is not null && pulse is not null && level is not null)
            {
                vitals.Add(new VitalsSet(time, rr.Value, spo2.Value, r.Bool(v, "oxygen", vp) ?? false, sbp.Value, pulse.Value, level.Value,
                    temp is null ? null : Math.Round((decimal)temp.Value, 1)));
            }
        }

        var labs = new List<LabResult>();
        foreach (var (l, lp) in r.Array(e, "labs", path, required: false))
        {
            if (!r.IsObject(l, lp))
            {
                continue;
            }

            r.OnlyKnown(l, lp, "name", "value", "unit", "range", "flag");
            var name = r.String(l, "name", lp, maxLength: 100);
            var value = r.String(l, "value", lp, maxLength: 100);
            if (name is not null && value is not null)
            {
                labs.Add(new LabResult(name, value, r.String(l, "unit", lp, required: false, maxLength: 32),
                    r.String(l, "range", lp, required: false, maxLength: 64), r.String(l, "flag", lp, required: false, maxLength: 16)));
            }
        }

        var scale = r.Integer(e, "scale", path, required: false, 1, 2) ?? 1;
        return node with
        {
            Kind = NodeKind.Observations,
            Patient = patient,
            Vitals = vitals,
            Labs = labs,
            History = r.String(e, "history", path, required: false, maxLength: 4000),
            Scale = scale == 2 ? SpO2Scale.Scale2 : SpO2Scale.Scale1,
        };
    }
}

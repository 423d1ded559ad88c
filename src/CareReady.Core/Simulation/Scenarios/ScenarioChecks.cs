namespace CareReady.Core.Simulation.Scenarios;

/// <summary>Checks across nodes: unique ids, every link and reference pointing at a node or option that exists, an end reachable.</summary>
internal static class ScenarioChecks
{
    public static void Run(JsonReader r, string? start, IReadOnlyList<ScenarioNode> valid, IReadOnlyList<ScenarioNode?> all, IReadOnlyDictionary<string, double> state)
    {
        var ids = new Dictionary<string, ScenarioNode>(StringComparer.Ordinal);
        for (var i = 0; i < all.Count; i++)
        {
            if (all[i] is { } n && !ids.TryAdd(n.Id, n))
            {
                r.Error($"$.nodes[{i}].id", $"\"{n.Id}\" is already the id of another node.");
            }
        }

        if (start is not null && ids.Count > 0 && !ids.ContainsKey(start))
        {
            r.Error("$.start", $"\"{start}\" is not the id of a node.");
        }

        if (all.Count > 0 && !valid.Any(n => n.Kind == NodeKind.End))
        {
            r.Error("$.nodes", "at least one node of type \"end\" (the debrief) is needed.");
        }

        for (var i = 0; i < all.Count; i++)
        {
            if (all[i] is not { } n)
            {
                continue;
            }

            var path = $"$.nodes[{i}]";
            CheckLinks(r, ids, n.Links, path, n.Links.Count == 1 && n.Links[0].When is null ? ".next" : ".links");
            if (n.TimeoutNext is { } timeout && !ids.ContainsKey(timeout))
            {
                r.Error(path + ".timeoutNext", $"\"{timeout}\" is not the id of a node.");
            }

            if (n.TimeoutNext is not null && n.TimeLimitSeconds is null)
            {
                r.Error(path + ".timeoutNext", "only meaningful with \"timeLimitSeconds\".");
            }

            for (var o = 0; o < n.Options.Count; o++)
            {
                var option = n.Options[o];
                CheckLinks(r, ids, option.Links, $"{path}.options[{o}]", option.Links.Count == 1 && option.Links[0].When is null ? ".next" : ".links");
                if (n.Kind == NodeKind.Decision && option.Links.Count == 0 && n.Links.Count == 0)
                {
                    r.Error($"{path}.options[{o}].next", "required: where this option leads (or give the node a \"next\").");
                }
            }

            if (n.Kind == NodeKind.Question && n.News2Of is { } obs)
            {
                CheckObservations(r, ids, obs, path + ".answerFrom");
            }

            if (n.Kind == NodeKind.AiDecision)
            {
                CheckAi(r, ids, n, path);
            }

        }

        _ = state;
    }

    private static void CheckAi(JsonReader r, Dictionary<string, ScenarioNode> ids, ScenarioNode n, string path)
    {
        bool IsOption(string? id) => id is not null && n.Options.Any(o => o.Id == id);
        if (n.Correct is { } correct && !IsOption(correct))
        {
            r.Error(path + ".correct", $"\"{correct}\" is not one of this node's option ids.");
        }

        if (n.Ai is not { } ai)
        {
            return;
        }

        if (ai.Source == "model")
        {
            if (ai.ObservationsNode is { } obs)
            {
                CheckObservations(r, ids, obs, path + ".ai.observations", needPatient: true);
            }

            if (ai.HighRiskAnswer is { } high && !IsOption(high))
            {
                r.Error(path + ".ai.highRisk", $"\"{high}\" is not one of this node's option ids.");
            }

            if (ai.LowRiskAnswer is { } low && !IsOption(low))
            {
                r.Error(path + ".ai.lowRisk", $"\"{low}\" is not one of this node's option ids.");
            }
        }
        else if (ai.Answer is { } answer && !IsOption(answer))
        {
            r.Error(path + ".ai.answer", $"\"{answer}\" is not one of this node's option ids.");
        }
    }

    private static void CheckObservations(JsonReader r, Dictionary<string, ScenarioNode> ids, string id, string path, bool needPatient = false)
    {
        if (!ids.TryGetValue(id, out var target))
        {
            r.Error(path, $"\"{id}\" is not the id of a node.");
        }
        else if (target.Kind != NodeKind.Observations || target.Vitals.Count == 0)
        {
            r.Error(path, $"\"{id}\" must be an observations node with at least one set of vitals.");
        }
        else if (needPatient && target.Patient is null)
        {
            r.Error(path, $"\"{id}\" needs \"patient\" (at least the age) for the model.");
        }
    }

    private static void CheckLinks(JsonReader r, Dictionary<string, ScenarioNode> ids, IReadOnlyList<Link> links, string path, string suffix)
    {
        for (var i = 0; i < links.Count; i++)
        {
            if (!ids.ContainsKey(links[i].To))
            {
                r.Error(suffix == ".next" ? path + ".next" : $"{path}.links[{i}].to", $"\"{links[i].To}\" is not the id of a node.");
            }
        }
    }
}

using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CareReady.Core.Simulation;
using CareReady.Core.Simulation.Model;

namespace CareReady.Cli;

/// <summary>
/// <c>careready sim model-card [--seed S] [--dir data/models]</c>: loads the deterioration model for the
/// seed (training and saving it when the file is missing), prints its card figures, and as the last line
/// one JSON object <c>{"seed":…,"auroc":…,"brier":…,"ece":…,"n_train":…,"n_test":…}</c>.
/// </summary>
public static class SimCommand
{
    public static Command Create()
    {
        var command = new Command("sim", "Clinical simulations: the deterioration-risk model behind the AI decision points");
        var seed = new Option<int>("--seed") { Description = "Cohort and training seed (same seed, same model and figures)", DefaultValueFactory = _ => SimulationDefaults.ModelSeed };
        var dir = new Option<string>("--dir") { Description = "Folder of model files", DefaultValueFactory = _ => SimulationDefaults.ModelDirectory };
        var retrain = new Option<bool>("--retrain") { Description = "Train again even if the model file exists (overwrites it)" };
        var card = new Command("model-card", "Train (or load) the deterioration model and print its held-out AUROC, Brier score and ECE");
        card.Options.Add(seed);
        card.Options.Add(dir);
        card.Options.Add(retrain);
        card.SetAction(parse =>
        {
            var s = parse.GetValue(seed);
            var folder = parse.GetValue(dir)!;
            if (parse.GetValue(retrain))
            {
                var file = MlNetDeteriorationModel.ModelFile(folder, s);
                File.Delete(file);
                File.Delete(Path.ChangeExtension(file, ".json"));
            }

            var sw = Stopwatch.StartNew();
            var model = MlNetDeteriorationModel.LoadOrTrain(folder, s);
            var p = model.Card.Performance;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{(model.Trained ? "Trained and saved" : "Loaded")} {model.ModelPath} in {sw.Elapsed.TotalSeconds:0.0} s"));
            Console.WriteLine(model.Card.Name + " " + model.Card.Version);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"held-out: AUROC {p.Auroc:0.000}, Brier {p.Brier:0.0000}, ECE {p.Ece:0.0000}; prevalence {p.Prevalence:P1}; at threshold {p.Threshold:0.00}: sensitivity {p.Sensitivity:P0}, specificity {p.Specificity:P0}, PPV {p.Ppv:P0}"));
            Console.WriteLine(p.SummaryJson());
            return 0;
        });
        command.Subcommands.Add(card);
        return command;
    }
}

using System.Text.Json;
using CareReady.Core.Data;
using CareReady.Web.Tests.Infrastructure;

namespace CareReady.Web.Tests.Simulation;

/// <summary><c>careready sim model-card</c>: trains (or loads) the model and prints the same figures for the same seed.</summary>
public class ModelCardCliTests
{
    [Fact]
    public async Task The_same_seed_gives_the_same_figures_trained_twice_or_loaded()
    {
        await using var app = await TestApp.StartAsync(DatabaseProvider.Sqlite, seed: false);
        var folder = Directory.CreateTempSubdirectory("careready-model-cli-");
        try
        {
            var first = await CliRunner.RunAsync(app, folder.FullName, "sim", "model-card", "--seed", "7");
            var again = await CliRunner.RunAsync(app, folder.FullName, "sim", "model-card", "--seed", "7", "--retrain");
            var loaded = await CliRunner.RunAsync(app, folder.FullName, "sim", "model-card", "--seed", "7");
            Assert.True(first.ExitCode == 0, first.ToString());
            Assert.StartsWith("Trained and saved", first.StdOut, StringComparison.Ordinal);
            Assert.StartsWith("Trained and saved", again.StdOut, StringComparison.Ordinal);
            Assert.StartsWith("Loaded", loaded.StdOut, StringComparison.Ordinal);
            Assert.True(File.Exists(Path.Combine(folder.FullName, "data", "models", "deterioration-seed7.zip")));

            string Last(CliRunner.Run run) => run.StdOut.TrimEnd().Split('\n')[^1];
            Assert.Equal(Last(first), Last(again));
            Assert.Equal(Last(first), Last(loaded));
            var figures = JsonDocument.Parse(Last(first)).RootElement;
            Assert.Equal(["seed", "auroc", "brier", "ece", "n_train", "n_test"], figures.EnumerateObject().Select(p => p.Name));
            Assert.Equal((7, 14000, 6000), (figures.GetProperty("seed").GetInt32(), figures.GetProperty("n_train").GetInt32(), figures.GetProperty("n_test").GetInt32()));
            Assert.InRange(figures.GetProperty("auroc").GetDouble(), 0.7, 0.95);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}

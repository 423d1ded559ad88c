namespace CareReady.Core.Simulation;

/// <summary>Defaults shared by the web app and the CLI.</summary>
public static class SimulationDefaults
{
    /// <summary>The seed of the shipped synthetic model.</summary>
    public const int ModelSeed = 2026;

    /// <summary>Where model files live, relative to the working directory (beside data/careready.db).</summary>
    public const string ModelDirectory = "data/models";
}

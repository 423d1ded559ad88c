using CareReady.Core.Simulation;
using CareReady.Core.Simulation.Authoring;
using CareReady.Core.Simulation.Model;

namespace CareReady.Web.Simulation;

/// <summary>The simulation use cases and the deterioration model (a singleton, loaded or trained on first use).</summary>
public static class SimulationServices
{
    public static IServiceCollection AddSimulation(this IServiceCollection services, IConfiguration configuration)
    {
        var directory = configuration["Simulation:ModelDirectory"] ?? SimulationDefaults.ModelDirectory;
        var seed = configuration.GetValue("Simulation:ModelSeed", SimulationDefaults.ModelSeed);

        // The seam: a trust registers its own IDeteriorationModel (e.g. an ONNX model) instead; see README.
        services.AddSingleton<IDeteriorationModel>(_ => new LazyDeteriorationModel(directory, seed));
        services.AddScoped<PublishScenario>();
        services.AddScoped<UploadScenario>();
        services.AddScoped<SubmitScenario>();
        services.AddScoped<ReviewScenario>();
        services.AddScoped<ListScenarioVersions>();
        services.AddScoped<ListScenarios>();
        services.AddScoped<StartRun>();
        services.AddScoped<GetRunView>();
        services.AddScoped<SubmitStep>();
        services.AddScoped<GetDebrief>();
        services.AddScoped<ScenarioReport>();
        services.AddScoped<TeamRelianceReport>();
        services.AddScoped<IngestSimulationStatements>();
        services.AddHostedService<SimulationStatementIngester>();
        return services;
    }
}

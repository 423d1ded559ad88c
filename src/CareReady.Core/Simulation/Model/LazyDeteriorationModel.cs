namespace CareReady.Core.Simulation.Model;

/// <summary>The shipped model, loaded (or trained and saved) from a folder on first use: the web app's registration.</summary>
public sealed class LazyDeteriorationModel(string directory, int seed) : IDeteriorationModel
{
    private readonly Lazy<MlNetDeteriorationModel> _model = new(() => MlNetDeteriorationModel.LoadOrTrain(directory, seed), LazyThreadSafetyMode.ExecutionAndPublication);

    public ModelCard Card => _model.Value.Card;

    public DeteriorationPrediction Predict(PatientObservations observations) => _model.Value.Predict(observations);
}

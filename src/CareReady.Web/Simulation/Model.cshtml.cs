using CareReady.Core.Simulation.Model;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CareReady.Web.Simulation;

[Authorize]
public sealed class ModelModel(IDeteriorationModel model) : PageModel
{
    public ModelCard Card { get; private set; } = null!;

    public void OnGet() => Card = model.Card;
}

namespace CareReady.Web.Learning.Authoring;

/// <summary>The module details fields shared by "Create a module" and "Change details" (see _DetailsFields.cshtml).</summary>
public interface IModuleDetailsForm
{
    string? Title { get; }
    string? Summary { get; }
    string? EstimatedMinutes { get; }
    string? Competencies { get; }

    string? Err(string field);

    string Group(string field);
}

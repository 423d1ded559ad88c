using CareReady.Core.Learning.Authoring;

namespace CareReady.Web.Learning.Authoring;

public static class AuthoringSetup
{
    public static IServiceCollection AddAuthoring(this IServiceCollection services)
    {
        services.AddScoped<ListAuthoredModules>();
        services.AddScoped<GetAuthoringVersion>();
        services.AddScoped<CreateModule>();
        services.AddScoped<NewDraftVersion>();
        services.AddScoped<UpdateDraftDetails>();
        services.AddScoped<SaveLesson>();
        services.AddScoped<RemoveLesson>();
        services.AddScoped<MoveLesson>();
        services.AddScoped<SaveOutcome>();
        services.AddScoped<RemoveOutcome>();
        services.AddScoped<SaveQuestion>();
        services.AddScoped<RemoveQuestion>();
        services.AddScoped<SubmitForReview>();
        services.AddScoped<ReviewVersion>();
        services.AddScoped<RetireVersion>();
        services.AddScoped<CompareVersions>();
        return services;
    }
}

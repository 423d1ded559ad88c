using CareReady.Core.Assessments;
using CareReady.Core.Learning;

namespace CareReady.Web.Learning;

public static class LearningSetup
{
    public static IServiceCollection AddLearning(this IServiceCollection services)
    {
        services.AddScoped<ListModules>();
        services.AddScoped<GetModuleOverview>();
        services.AddScoped<OpenLesson>();
        services.AddScoped<GetMyLearning>();
        services.AddScoped<StartAttempt>();
        services.AddScoped<GetAttempt>();
        services.AddScoped<SubmitAttempt>();
        services.AddScoped<GetModuleMedia>();
        services.AddScoped<GetCertificate>();
        services.AddScoped<VerifyCertificate>();
        services.AddScoped<GetElearningPreferences>();
        services.AddScoped<SaveElearningPreferences>();
        return services;
    }
}

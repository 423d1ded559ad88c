using CareReady.Core.Notifications;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareReady.Web.Notifications;

/// <summary>In-app notices, email preferences, and the two background services (daily job, outbox sender).</summary>
public static class NotificationEndpoints
{
    public static IServiceCollection AddNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCareReadyNotifications(configuration);
        services.AddHostedService<OutboxSenderService>();
        services.AddHostedService<NotificationJobService>();
        return services;
    }

    public static RouteGroupBuilder MapNotificationEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");

        group.MapGet("", async (bool? unreadOnly, int? page, CurrentUser current, ListNotices list, CancellationToken ct) =>
            TypedResults.Ok(await list.RunAsync(await current.GetScopeAsync(ct), unreadOnly ?? false, page ?? 1, ct)))
            .WithSummary("Your notices, newest first (50 a page), with how many are unread");

        group.MapGet("/count", async (CurrentUser current, ListNotices list, CancellationToken ct) =>
            TypedResults.Ok(new { unread = await list.CountUnreadAsync(await current.GetScopeAsync(ct), ct) }))
            .WithSummary("How many of your notices are unread");

        group.MapPost("/{id:long}/read", async Task<Results<NoContent, NotFound>> (long id, CurrentUser current, MarkNoticesRead mark, CancellationToken ct) =>
            await mark.OneAsync(await current.GetScopeAsync(ct), id, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .WithSummary("Mark one of your notices as read");

        group.MapPost("/read-all", async (CurrentUser current, MarkNoticesRead mark, CancellationToken ct) =>
            TypedResults.Ok(new { marked = await mark.AllAsync(await current.GetScopeAsync(ct), ct) }))
            .WithSummary("Mark all your notices as read");

        group.MapGet("/preferences", async (CurrentUser current, GetNotificationPreferences get, CancellationToken ct) =>
            TypedResults.Ok(await get.RunAsync(await current.GetScopeAsync(ct), ct)))
            .WithSummary("Which notices you also get by email");

        group.MapPut("/preferences", async (NotificationPreferencesView input, CurrentUser current, SaveNotificationPreferences save, CancellationToken ct) =>
            TypedResults.Ok(await save.RunAsync(await current.GetScopeAsync(ct), input, ct)))
            .WithSummary("Choose which notices you also get by email (in-app notices are always kept)");

        return api;
    }
}

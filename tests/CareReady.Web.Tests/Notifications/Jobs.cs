using CareReady.Core.Notifications;
using CareReady.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CareReady.Web.Tests.Notifications;

/// <summary>Runs the app's own daily notification job (the same service the hosted job and <c>careready notify run</c> use).</summary>
internal static class Jobs
{
    public static async Task<NotificationJobResult> RunAsync(TestApp app, DateOnly day)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RunNotificationJob>().RunAsync(day);
    }

    public static async Task<List<Notice>> NoticesAsync(TestApp app)
    {
        await using var db = app.NewDbContext();
        return await db.Notices.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }

    public static async Task<List<OutboxMessage>> OutboxAsync(TestApp app)
    {
        await using var db = app.NewDbContext();
        return await db.OutboxMessages.AsNoTracking().OrderBy(n => n.Id).ToListAsync();
    }

    public static async Task<string> UserIdAsync(TestApp app, string email)
    {
        await using var db = app.NewDbContext();
        return await db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync();
    }

    public static DateOnly Today => DateOnly.FromDateTime(TestApp.DefaultNow.UtcDateTime);
}

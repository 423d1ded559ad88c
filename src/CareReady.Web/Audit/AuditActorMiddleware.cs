using System.Security.Claims;
using CareReady.Core.Audit;

namespace CareReady.Web.Audit;

/// <summary>
/// Names the signed-in user (their sign-in email, as <c>CurrentUser.GetActorAsync</c> does) as the actor of
/// every audit entry written while handling the request; "anonymous" before sign-in. Reads the
/// authentication cookie's claims only: no database round trip. Goes after <c>UseAuthentication</c>.
/// </summary>
public static class AuditActorMiddleware
{
    public static IApplicationBuilder UseAuditActor(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.RequestServices.GetService<AuditContext>() is { } audit)
            {
                var user = context.User;
                audit.Actor = user.Identity?.IsAuthenticated == true
                    ? user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? AuditContext.AnonymousActor
                    : AuditContext.AnonymousActor;
            }

            await next(context);
        });
}

using CareReady.Core.Data;
using CareReady.Core.Identity;
using CareReady.Core.Security;
using CareReady.Core.Workforce;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CareReady.Web.Security;

/// <summary>
/// The signed-in user for this request: their account, organisation and <see cref="AccessScope"/>,
/// loaded once per request from the database (so a removed role or scope takes effect at once).
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor accessor, UserManager<AppUser> users, AppDbContext db)
{
    private AccessScope? _scope;
    private AppUser? _user;
    private Organisation? _organisation;

    public async Task<AppUser> GetUserAsync()
    {
        if (_user is not null)
        {
            return _user;
        }

        var principal = accessor.HttpContext?.User ?? throw new InvalidOperationException("No request.");
        _user = await users.GetUserAsync(principal) ?? throw new UnauthorizedAccessException("Signed-in user no longer exists.");
        return _user;
    }

    public async Task<AccessScope> GetScopeAsync(CancellationToken cancellationToken = default)
    {
        if (_scope is not null)
        {
            return _scope;
        }

        var user = await GetUserAsync();
        var roles = await users.GetRolesAsync(user);
        _scope = await AccessScope.ForUserAsync(db, user, roles, cancellationToken);
        return _scope;
    }

    public async Task<Organisation> GetOrganisationAsync(CancellationToken cancellationToken = default)
    {
        var user = await GetUserAsync();
        _organisation ??= await db.Organisations.AsNoTracking().FirstAsync(o => o.Id == user.OrganisationId, cancellationToken);
        return _organisation;
    }

    /// <summary>How the user is named in records they change (their sign-in email).</summary>
    public async Task<string> GetActorAsync()
    {
        var user = await GetUserAsync();
        return user.Email ?? user.Id;
    }
}

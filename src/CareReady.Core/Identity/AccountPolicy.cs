using Microsoft.AspNetCore.Identity;

namespace CareReady.Core.Identity;

/// <summary>Password and lockout rules, shared by the web app and the CLI so an account means the same everywhere.</summary>
public static class AccountPolicy
{
    public const int MinimumPasswordLength = 12;
    public const int MaxFailedSignIns = 5;
    public static readonly TimeSpan LockoutDuration = TimeSpan.FromMinutes(15);

    public static void Apply(IdentityOptions o)
    {
        o.Password.RequiredLength = MinimumPasswordLength;
        o.Password.RequireDigit = true;
        o.Password.RequireLowercase = true;
        o.Password.RequireUppercase = true;
        o.Password.RequireNonAlphanumeric = false;
        o.Lockout.AllowedForNewUsers = true;
        o.Lockout.MaxFailedAccessAttempts = MaxFailedSignIns;
        o.Lockout.DefaultLockoutTimeSpan = LockoutDuration;
        o.User.RequireUniqueEmail = true;
        o.SignIn.RequireConfirmedAccount = false;
    }
}

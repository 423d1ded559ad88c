using Microsoft.AspNetCore.Identity;

namespace CareReady.Core.Identity;

/// <summary>A person who signs in. Belongs to exactly one organisation; usually linked to a staff record.</summary>
public sealed class AppUser : IdentityUser
{
    public int OrganisationId { get; set; }
    public int? StaffMemberId { get; set; }
    public string DisplayName { get; set; } = "";
}

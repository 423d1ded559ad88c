using CareReady.Core.Workforce;
using CareReady.Web.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CareReady.Web.Workforce;

public static class WorkforceEndpoints
{
    public static IServiceCollection AddWorkforce(this IServiceCollection services)
    {
        services.AddScoped<SearchStaff>();
        services.AddScoped<GetPersonProfile>();
        services.AddScoped<GetDepartmentTree>();
        return services;
    }

    public static RouteGroupBuilder MapWorkforceEndpoints(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("").WithTags("Workforce");

        group.MapGet("/me", async (CurrentUser current, GetPersonProfile profile, CancellationToken ct) =>
        {
            var user = await current.GetUserAsync();
            var scope = await current.GetScopeAsync(ct);
            var org = await current.GetOrganisationAsync(ct);
            var person = user.StaffMemberId is int id ? await profile.RunAsync(scope, id, ct) : null;
            return TypedResults.Ok(new MeResponse(user.Email ?? "", user.DisplayName, org.Code, org.Name, [.. scope.RoleNames.Order()], person));
        }).WithSummary("The signed-in user, their roles and their own record");

        group.MapGet("/people", async (string? q, int? department, bool? includeLeavers, int? page, int? pageSize,
                CurrentUser current, SearchStaff search, CancellationToken ct) =>
            TypedResults.Ok(await search.RunAsync(await current.GetScopeAsync(ct),
                new StaffSearch(q, department, includeLeavers ?? false, page ?? 1, pageSize ?? 50), ct)))
            .RequireAuthorization(Policies.PeopleReaders)
            .WithSummary("Search the people you may see (managers: their departments; compliance leads and admins: the organisation)");

        group.MapGet("/people/{id:int}", async Task<Results<Ok<PersonProfile>, NotFound>> (int id, CurrentUser current, GetPersonProfile profile, CancellationToken ct) =>
            await profile.RunAsync(await current.GetScopeAsync(ct), id, ct) is { } person ? TypedResults.Ok(person) : TypedResults.NotFound())
            .WithSummary("A person's details, positions and required competencies with the rules that require them");

        group.MapGet("/departments", async (CurrentUser current, GetDepartmentTree tree, CancellationToken ct) =>
            TypedResults.Ok(await tree.RunAsync(await current.GetScopeAsync(ct), ct)))
            .RequireAuthorization(Policies.PeopleReaders)
            .WithSummary("The department tree you may see, with current head-count");

        return api;
    }
}

public sealed record MeResponse(string Email, string DisplayName, string OrganisationCode, string OrganisationName, IReadOnlyList<string> Roles, PersonProfile? Record);

using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace CareReady.Migrations.Postgres;

/// <summary>Lets <c>dotnet ef</c> build the model for PostgreSQL migrations without the web host or a server.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        DatabaseSetup.CreateContext(new DatabaseOptions(DatabaseProvider.Postgres, "Host=localhost;Database=careready_design"));
}

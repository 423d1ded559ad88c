using CareReady.Core.Data;
using Microsoft.EntityFrameworkCore.Design;

namespace CareReady.Migrations.Sqlite;

/// <summary>Lets <c>dotnet ef</c> build the model for SQLite migrations without the web host.</summary>
public sealed class DesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        DatabaseSetup.CreateContext(new DatabaseOptions(DatabaseProvider.Sqlite, "Data Source=design-time.db"));
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReady.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CompletionLatestMarker : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "IsLatest",
                table: "Completions",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_Completions_Latest_ModuleVersion",
                table: "Completions",
                columns: new[] { "OrganisationId", "ModuleVersionId" },
                filter: "\"IsLatest\"")
                .Annotation("Npgsql:IndexInclude", new[] { "Id", "StaffMemberId", "CompetencyId", "CompletedOn" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Completions_Latest_ModuleVersion",
                table: "Completions");

            migrationBuilder.DropColumn(
                name: "IsLatest",
                table: "Completions");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReady.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CompletionsByDay : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Completions_OrganisationId_CompletedOn",
                table: "Completions",
                columns: new[] { "OrganisationId", "CompletedOn" })
                .Annotation("Npgsql:IndexInclude", new[] { "StaffMemberId", "ModuleVersionId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Completions_OrganisationId_CompletedOn",
                table: "Completions");
        }
    }
}

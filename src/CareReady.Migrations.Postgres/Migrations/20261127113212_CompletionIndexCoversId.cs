using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReady.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CompletionIndexCoversId : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Completions_OrganisationId_StaffMemberId_CompetencyId_Compl~",
                table: "Completions");

            migrationBuilder.CreateIndex(
                name: "IX_Completions_OrganisationId_StaffMemberId_CompetencyId_Compl~",
                table: "Completions",
                columns: new[] { "OrganisationId", "StaffMemberId", "CompetencyId", "CompletedOn" })
                .Annotation("Npgsql:IndexInclude", new[] { "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Completions_OrganisationId_StaffMemberId_CompetencyId_Compl~",
                table: "Completions");

            migrationBuilder.CreateIndex(
                name: "IX_Completions_OrganisationId_StaffMemberId_CompetencyId_Compl~",
                table: "Completions",
                columns: new[] { "OrganisationId", "StaffMemberId", "CompetencyId", "CompletedOn" });
        }
    }
}

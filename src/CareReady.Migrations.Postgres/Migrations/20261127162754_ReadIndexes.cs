using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReady.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ReadIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Positions_OrganisationId_DepartmentId",
                table: "Positions");

            migrationBuilder.CreateIndex(
                name: "IX_Positions_OrganisationId_DepartmentId",
                table: "Positions",
                columns: new[] { "OrganisationId", "DepartmentId" })
                .Annotation("Npgsql:IndexInclude", new[] { "StaffMemberId", "StaffGroupCode", "StartDate", "EndDate" });

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
                name: "IX_Positions_OrganisationId_DepartmentId",
                table: "Positions");

            migrationBuilder.DropIndex(
                name: "IX_Completions_OrganisationId_CompletedOn",
                table: "Completions");

            migrationBuilder.CreateIndex(
                name: "IX_Positions_OrganisationId_DepartmentId",
                table: "Positions",
                columns: new[] { "OrganisationId", "DepartmentId" });
        }
    }
}

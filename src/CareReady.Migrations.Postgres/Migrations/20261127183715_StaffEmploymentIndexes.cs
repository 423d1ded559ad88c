using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReady.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class StaffEmploymentIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Staff_OrganisationId_LeavingDate",
                table: "Staff",
                columns: new[] { "OrganisationId", "LeavingDate" });

            migrationBuilder.CreateIndex(
                name: "IX_Staff_OrganisationId_StartDate",
                table: "Staff",
                columns: new[] { "OrganisationId", "StartDate" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Staff_OrganisationId_LeavingDate",
                table: "Staff");

            migrationBuilder.DropIndex(
                name: "IX_Staff_OrganisationId_StartDate",
                table: "Staff");
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReady.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReadIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_Completions_OrganisationId_CompletedOn",
                table: "Completions",
                columns: new[] { "OrganisationId", "CompletedOn" });
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

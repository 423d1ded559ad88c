using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReady.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LrsVoidingIndexPartial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_XapiStatements_OrganisationId_VoidsStatementId",
                table: "XapiStatements");

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_OrganisationId_VoidsStatementId",
                table: "XapiStatements",
                columns: new[] { "OrganisationId", "VoidsStatementId" },
                filter: "\"VoidsStatementId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_XapiStatements_OrganisationId_VoidsStatementId",
                table: "XapiStatements");

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_OrganisationId_VoidsStatementId",
                table: "XapiStatements",
                columns: new[] { "OrganisationId", "VoidsStatementId" });
        }
    }
}

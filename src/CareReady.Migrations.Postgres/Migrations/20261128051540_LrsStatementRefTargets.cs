using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReady.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LrsStatementRefTargets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "TargetStatementId",
                table: "XapiStatements",
                type: "uuid",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_OrganisationId_TargetStatementId",
                table: "XapiStatements",
                columns: new[] { "OrganisationId", "TargetStatementId" },
                filter: "\"TargetStatementId\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_XapiStatements_OrganisationId_TargetStatementId",
                table: "XapiStatements");

            migrationBuilder.DropColumn(
                name: "TargetStatementId",
                table: "XapiStatements");
        }
    }
}

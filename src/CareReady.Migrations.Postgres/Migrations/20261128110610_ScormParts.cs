using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CareReady.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ScormParts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScormScoProgress",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    AttemptId = table.Column<long>(type: "bigint", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    CmiJson = table.Column<string>(type: "text", nullable: false),
                    CompletionStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SuccessStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ScoreScaled = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    Commits = table.Column<int>(type: "integer", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CountedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScormScoProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScormScoProgress_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScormScoProgress_ScormAttempts_AttemptId",
                        column: x => x.AttemptId,
                        principalTable: "ScormAttempts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScormScos",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    ScormPackageId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Identifier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LaunchPath = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    IsAsset = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScormScos", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScormScos_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScormScos_ScormPackages_ScormPackageId",
                        column: x => x.ScormPackageId,
                        principalTable: "ScormPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScormScoProgress_AttemptId_Position",
                table: "ScormScoProgress",
                columns: new[] { "AttemptId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScormScoProgress_OrganisationId",
                table: "ScormScoProgress",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ScormScos_OrganisationId",
                table: "ScormScos",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_ScormScos_ScormPackageId_Position",
                table: "ScormScos",
                columns: new[] { "ScormPackageId", "Position" },
                unique: true);

            // Every package so far had one part (its LaunchPath); every attempt's CMI becomes that part's progress.
            migrationBuilder.Sql("""
                INSERT INTO "ScormScos" ("OrganisationId", "ScormPackageId", "Position", "Identifier", "Title", "LaunchPath", "IsAsset")
                SELECT "OrganisationId", "Id", 1, "Identifier", "Title", "LaunchPath", FALSE FROM "ScormPackages";
                INSERT INTO "ScormScoProgress" ("OrganisationId", "AttemptId", "Position", "CmiJson", "CompletionStatus", "SuccessStatus", "ScoreScaled", "Commits", "UpdatedAt", "CountedAt")
                SELECT "OrganisationId", "Id", 1, "CmiJson", "CompletionStatus", "SuccessStatus", "ScoreScaled", "Commits", "UpdatedAt", "CompletedAt" FROM "ScormAttempts";
                """);

            migrationBuilder.DropColumn(
                name: "CmiJson",
                table: "ScormAttempts");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScormScoProgress");

            migrationBuilder.DropTable(
                name: "ScormScos");

            migrationBuilder.AddColumn<string>(
                name: "CmiJson",
                table: "ScormAttempts",
                type: "text",
                nullable: false,
                defaultValue: "");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CareReady.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ScormPackages : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ScormPackages",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    ModuleVersionId = table.Column<int>(type: "integer", nullable: false),
                    Edition = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    SchemaVersion = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Identifier = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    LaunchPath = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScormPackages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScormPackages_ModuleVersions_ModuleVersionId",
                        column: x => x.ModuleVersionId,
                        principalTable: "ModuleVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScormPackages_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScormAttempts",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    ScormPackageId = table.Column<int>(type: "integer", nullable: false),
                    StaffMemberId = table.Column<int>(type: "integer", nullable: false),
                    Registration = table.Column<Guid>(type: "uuid", nullable: false),
                    CmiJson = table.Column<string>(type: "text", nullable: false),
                    CompletionStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    SuccessStatus = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    ScoreScaled = table.Column<decimal>(type: "numeric(9,4)", precision: 9, scale: 4, nullable: true),
                    Commits = table.Column<int>(type: "integer", nullable: false),
                    StartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    StatementId = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScormAttempts", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScormAttempts_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScormAttempts_ScormPackages_ScormPackageId",
                        column: x => x.ScormPackageId,
                        principalTable: "ScormPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScormAttempts_Staff_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ScormFiles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    ScormPackageId = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScormFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScormFiles_ScormPackages_ScormPackageId",
                        column: x => x.ScormPackageId,
                        principalTable: "ScormPackages",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ScormAttempts_OrganisationId_StaffMemberId",
                table: "ScormAttempts",
                columns: new[] { "OrganisationId", "StaffMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_ScormAttempts_ScormPackageId_StaffMemberId_Id",
                table: "ScormAttempts",
                columns: new[] { "ScormPackageId", "StaffMemberId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ScormAttempts_StaffMemberId",
                table: "ScormAttempts",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_ScormFiles_ScormPackageId_Path",
                table: "ScormFiles",
                columns: new[] { "ScormPackageId", "Path" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScormPackages_ModuleVersionId",
                table: "ScormPackages",
                column: "ModuleVersionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ScormPackages_OrganisationId",
                table: "ScormPackages",
                column: "OrganisationId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ScormAttempts");

            migrationBuilder.DropTable(
                name: "ScormFiles");

            migrationBuilder.DropTable(
                name: "ScormPackages");
        }
    }
}

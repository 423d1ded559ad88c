using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReady.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class XapiLrs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "LrsClients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Key = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    SecretHash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    CanRead = table.Column<bool>(type: "INTEGER", nullable: false),
                    CanWrite = table.Column<bool>(type: "INTEGER", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_LrsClients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_LrsClients_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "XapiActivityMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", nullable: false),
                    ModuleId = table.Column<int>(type: "INTEGER", nullable: true),
                    CompetencyId = table.Column<int>(type: "INTEGER", nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiActivityMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_XapiActivityMappings_Competencies_CompetencyId",
                        column: x => x.CompetencyId,
                        principalTable: "Competencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_XapiActivityMappings_Modules_ModuleId",
                        column: x => x.ModuleId,
                        principalTable: "Modules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_XapiActivityMappings_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "XapiDocuments",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<short>(type: "INTEGER", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", nullable: false),
                    AgentKey = table.Column<string>(type: "TEXT", nullable: false),
                    Registration = table.Column<string>(type: "TEXT", maxLength: 36, nullable: false),
                    DocumentId = table.Column<string>(type: "TEXT", nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    Content = table.Column<byte[]>(type: "BLOB", nullable: false),
                    ETag = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Updated = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_XapiDocuments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "XapiStatementRefs",
                columns: table => new
                {
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<short>(type: "INTEGER", nullable: false),
                    Key = table.Column<string>(type: "TEXT", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiStatementRefs", x => new { x.OrganisationId, x.Kind, x.Key, x.Seq });
                });

            migrationBuilder.CreateTable(
                name: "XapiStatements",
                columns: table => new
                {
                    OrganisationId = table.Column<int>(type: "INTEGER", nullable: false),
                    Seq = table.Column<long>(type: "INTEGER", nullable: false),
                    StatementId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ClientId = table.Column<int>(type: "INTEGER", nullable: false),
                    ActorKey = table.Column<string>(type: "TEXT", nullable: true),
                    VerbId = table.Column<string>(type: "TEXT", nullable: false),
                    ActivityId = table.Column<string>(type: "TEXT", nullable: true),
                    Registration = table.Column<Guid>(type: "TEXT", nullable: true),
                    Timestamp = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Stored = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Voided = table.Column<bool>(type: "INTEGER", nullable: false),
                    VoidsStatementId = table.Column<Guid>(type: "TEXT", nullable: true),
                    Json = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_XapiStatements", x => new { x.OrganisationId, x.Seq });
                    table.ForeignKey(
                        name: "FK_XapiStatements_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_LrsClients_Key",
                table: "LrsClients",
                column: "Key",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_LrsClients_OrganisationId",
                table: "LrsClients",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_XapiActivityMappings_CompetencyId",
                table: "XapiActivityMappings",
                column: "CompetencyId");

            migrationBuilder.CreateIndex(
                name: "IX_XapiActivityMappings_ModuleId",
                table: "XapiActivityMappings",
                column: "ModuleId");

            migrationBuilder.CreateIndex(
                name: "IX_XapiActivityMappings_OrganisationId_ActivityId",
                table: "XapiActivityMappings",
                columns: new[] { "OrganisationId", "ActivityId" });

            migrationBuilder.CreateIndex(
                name: "IX_XapiDocuments_OrganisationId_Kind_ActivityId_AgentKey_Registration_DocumentId",
                table: "XapiDocuments",
                columns: new[] { "OrganisationId", "Kind", "ActivityId", "AgentKey", "Registration", "DocumentId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_OrganisationId_Registration_Seq",
                table: "XapiStatements",
                columns: new[] { "OrganisationId", "Registration", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_OrganisationId_StatementId",
                table: "XapiStatements",
                columns: new[] { "OrganisationId", "StatementId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_OrganisationId_VerbId_Seq",
                table: "XapiStatements",
                columns: new[] { "OrganisationId", "VerbId", "Seq" });

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_OrganisationId_VoidsStatementId",
                table: "XapiStatements",
                columns: new[] { "OrganisationId", "VoidsStatementId" });

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_Seq",
                table: "XapiStatements",
                column: "Seq",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_XapiStatements_Stored_Seq",
                table: "XapiStatements",
                columns: new[] { "Stored", "Seq" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "LrsClients");

            migrationBuilder.DropTable(
                name: "XapiActivityMappings");

            migrationBuilder.DropTable(
                name: "XapiDocuments");

            migrationBuilder.DropTable(
                name: "XapiStatementRefs");

            migrationBuilder.DropTable(
                name: "XapiStatements");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CareReady.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class RegulatoryChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "GuidelineSources",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Publisher = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Url = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelineSources", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidelineSources_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "GuidelineVersions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    GuidelineSourceId = table.Column<int>(type: "integer", nullable: false),
                    Label = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    EffectiveFrom = table.Column<DateOnly>(type: "date", nullable: true),
                    Summary = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    Severity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_GuidelineVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_GuidelineVersions_GuidelineSources_GuidelineSourceId",
                        column: x => x.GuidelineSourceId,
                        principalTable: "GuidelineSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_GuidelineVersions_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RegulatoryChanges",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    GuidelineSourceId = table.Column<int>(type: "integer", nullable: false),
                    FromVersionId = table.Column<int>(type: "integer", nullable: false),
                    ToVersionId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Origin = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    FeedEntryId = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Link = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Action = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Deadline = table.Column<DateOnly>(type: "date", nullable: true),
                    ProposedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ProposedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    AppliedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    AppliedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AffectedCount = table.Column<int>(type: "integer", nullable: false),
                    AffectedDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    NotifiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RegulatoryChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RegulatoryChanges_GuidelineSources_GuidelineSourceId",
                        column: x => x.GuidelineSourceId,
                        principalTable: "GuidelineSources",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegulatoryChanges_GuidelineVersions_FromVersionId",
                        column: x => x.FromVersionId,
                        principalTable: "GuidelineVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegulatoryChanges_GuidelineVersions_ToVersionId",
                        column: x => x.ToVersionId,
                        principalTable: "GuidelineVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RegulatoryChanges_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CertificationCaps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    RegulatoryChangeId = table.Column<int>(type: "integer", nullable: false),
                    StaffMemberId = table.Column<int>(type: "integer", nullable: false),
                    CompetencyId = table.Column<int>(type: "integer", nullable: false),
                    CompletionId = table.Column<long>(type: "bigint", nullable: false),
                    CompletedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RevokedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CertificationCaps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CertificationCaps_Completions_CompletionId",
                        column: x => x.CompletionId,
                        principalTable: "Completions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CertificationCaps_RegulatoryChanges_RegulatoryChangeId",
                        column: x => x.RegulatoryChangeId,
                        principalTable: "RegulatoryChanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ContentReviewFlags",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    RegulatoryChangeId = table.Column<int>(type: "integer", nullable: false),
                    ModuleId = table.Column<int>(type: "integer", nullable: false),
                    ModuleVersionId = table.Column<int>(type: "integer", nullable: false),
                    RaisedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ClosedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ClosedByVersionId = table.Column<int>(type: "integer", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ContentReviewFlags", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ContentReviewFlags_ModuleVersions_ClosedByVersionId",
                        column: x => x.ClosedByVersionId,
                        principalTable: "ModuleVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContentReviewFlags_ModuleVersions_ModuleVersionId",
                        column: x => x.ModuleVersionId,
                        principalTable: "ModuleVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContentReviewFlags_Modules_ModuleId",
                        column: x => x.ModuleId,
                        principalTable: "Modules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContentReviewFlags_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ContentReviewFlags_RegulatoryChanges_RegulatoryChangeId",
                        column: x => x.RegulatoryChangeId,
                        principalTable: "RegulatoryChanges",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CertificationCaps_CompletionId",
                table: "CertificationCaps",
                column: "CompletionId");

            migrationBuilder.CreateIndex(
                name: "IX_CertificationCaps_OrganisationId_StaffMemberId",
                table: "CertificationCaps",
                columns: new[] { "OrganisationId", "StaffMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_CertificationCaps_RegulatoryChangeId_StaffMemberId",
                table: "CertificationCaps",
                columns: new[] { "RegulatoryChangeId", "StaffMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentReviewFlags_ClosedByVersionId",
                table: "ContentReviewFlags",
                column: "ClosedByVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentReviewFlags_ModuleId",
                table: "ContentReviewFlags",
                column: "ModuleId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentReviewFlags_ModuleVersionId",
                table: "ContentReviewFlags",
                column: "ModuleVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_ContentReviewFlags_OrganisationId_ModuleId",
                table: "ContentReviewFlags",
                columns: new[] { "OrganisationId", "ModuleId" });

            migrationBuilder.CreateIndex(
                name: "IX_ContentReviewFlags_RegulatoryChangeId",
                table: "ContentReviewFlags",
                column: "RegulatoryChangeId");

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineSources_OrganisationId_Name",
                table: "GuidelineSources",
                columns: new[] { "OrganisationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineVersions_GuidelineSourceId_Label",
                table: "GuidelineVersions",
                columns: new[] { "GuidelineSourceId", "Label" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_GuidelineVersions_OrganisationId",
                table: "GuidelineVersions",
                column: "OrganisationId");

            migrationBuilder.CreateIndex(
                name: "IX_RegulatoryChanges_FromVersionId",
                table: "RegulatoryChanges",
                column: "FromVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_RegulatoryChanges_GuidelineSourceId",
                table: "RegulatoryChanges",
                column: "GuidelineSourceId");

            migrationBuilder.CreateIndex(
                name: "IX_RegulatoryChanges_OrganisationId_FeedEntryId",
                table: "RegulatoryChanges",
                columns: new[] { "OrganisationId", "FeedEntryId" });

            migrationBuilder.CreateIndex(
                name: "IX_RegulatoryChanges_OrganisationId_Status",
                table: "RegulatoryChanges",
                columns: new[] { "OrganisationId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_RegulatoryChanges_ToVersionId",
                table: "RegulatoryChanges",
                column: "ToVersionId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "CertificationCaps");

            migrationBuilder.DropTable(
                name: "ContentReviewFlags");

            migrationBuilder.DropTable(
                name: "RegulatoryChanges");

            migrationBuilder.DropTable(
                name: "GuidelineVersions");

            migrationBuilder.DropTable(
                name: "GuidelineSources");
        }
    }
}

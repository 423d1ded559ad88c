using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CareReady.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Pathways : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "PathwaySettings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    TargetRetention = table.Column<double>(type: "double precision", nullable: false),
                    FittedWeights = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    FittedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FittedOnReviews = table.Column<int>(type: "integer", nullable: false),
                    LogLossBefore = table.Column<double>(type: "double precision", nullable: true),
                    LogLossAfter = table.Column<double>(type: "double precision", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PathwaySettings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PathwaySettings_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RefresherCards",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    StaffMemberId = table.Column<int>(type: "integer", nullable: false),
                    ModuleId = table.Column<int>(type: "integer", nullable: false),
                    QuestionKey = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CompetencyId = table.Column<int>(type: "integer", nullable: false),
                    Stability = table.Column<double>(type: "double precision", nullable: true),
                    Difficulty = table.Column<double>(type: "double precision", nullable: true),
                    Due = table.Column<DateOnly>(type: "date", nullable: false),
                    LastReview = table.Column<DateOnly>(type: "date", nullable: true),
                    Reviews = table.Column<int>(type: "integer", nullable: false),
                    Lapses = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RefresherCards", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RefresherCards_Competencies_CompetencyId",
                        column: x => x.CompetencyId,
                        principalTable: "Competencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RefresherCards_Modules_ModuleId",
                        column: x => x.ModuleId,
                        principalTable: "Modules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RefresherCards_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RefresherCards_Staff_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RolePathways",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    OpenToLearners = table.Column<bool>(type: "boolean", nullable: false),
                    Active = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RolePathways", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RolePathways_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RefresherReviews",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    StaffMemberId = table.Column<int>(type: "integer", nullable: false),
                    CardId = table.Column<long>(type: "bigint", nullable: false),
                    QuestionId = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Response = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    Correct = table.Column<bool>(type: "boolean", nullable: false),
                    Sure = table.Column<bool>(type: "boolean", nullable: false),
                    Rating = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    ElapsedDays = table.Column<int>(type: "integer", nullable: false),
                    Retrievability = table.Column<double>(type: "double precision", nullable: true),
                    ScheduledDays = table.Column<int>(type: "integer", nullable: false),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RefresherReviews", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RefresherReviews_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RefresherReviews_Questions_QuestionId",
                        column: x => x.QuestionId,
                        principalTable: "Questions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RefresherReviews_RefresherCards_CardId",
                        column: x => x.CardId,
                        principalTable: "RefresherCards",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RefresherReviews_Staff_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "PathwayAssignments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    RolePathwayId = table.Column<int>(type: "integer", nullable: false),
                    StaffMemberId = table.Column<int>(type: "integer", nullable: true),
                    DepartmentId = table.Column<int>(type: "integer", nullable: true),
                    ChosenByLearner = table.Column<bool>(type: "boolean", nullable: false),
                    AssignedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    AssignedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    EndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_PathwayAssignments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_PathwayAssignments_Departments_DepartmentId",
                        column: x => x.DepartmentId,
                        principalTable: "Departments",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PathwayAssignments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PathwayAssignments_RolePathways_RolePathwayId",
                        column: x => x.RolePathwayId,
                        principalTable: "RolePathways",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_PathwayAssignments_Staff_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "RolePathwaySteps",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RolePathwayId = table.Column<int>(type: "integer", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    CompetencyId = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RolePathwaySteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RolePathwaySteps_Competencies_CompetencyId",
                        column: x => x.CompetencyId,
                        principalTable: "Competencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_RolePathwaySteps_RolePathways_RolePathwayId",
                        column: x => x.RolePathwayId,
                        principalTable: "RolePathways",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_PathwayAssignments_DepartmentId",
                table: "PathwayAssignments",
                column: "DepartmentId");

            migrationBuilder.CreateIndex(
                name: "IX_PathwayAssignments_OrganisationId_DepartmentId",
                table: "PathwayAssignments",
                columns: new[] { "OrganisationId", "DepartmentId" });

            migrationBuilder.CreateIndex(
                name: "IX_PathwayAssignments_OrganisationId_StaffMemberId",
                table: "PathwayAssignments",
                columns: new[] { "OrganisationId", "StaffMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_PathwayAssignments_RolePathwayId",
                table: "PathwayAssignments",
                column: "RolePathwayId");

            migrationBuilder.CreateIndex(
                name: "IX_PathwayAssignments_StaffMemberId",
                table: "PathwayAssignments",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_PathwaySettings_OrganisationId",
                table: "PathwaySettings",
                column: "OrganisationId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RefresherCards_CompetencyId",
                table: "RefresherCards",
                column: "CompetencyId");

            migrationBuilder.CreateIndex(
                name: "IX_RefresherCards_ModuleId",
                table: "RefresherCards",
                column: "ModuleId");

            migrationBuilder.CreateIndex(
                name: "IX_RefresherCards_OrganisationId_StaffMemberId_Due",
                table: "RefresherCards",
                columns: new[] { "OrganisationId", "StaffMemberId", "Due" });

            migrationBuilder.CreateIndex(
                name: "IX_RefresherCards_StaffMemberId_ModuleId_QuestionKey",
                table: "RefresherCards",
                columns: new[] { "StaffMemberId", "ModuleId", "QuestionKey" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RefresherReviews_CardId_ReviewedAt",
                table: "RefresherReviews",
                columns: new[] { "CardId", "ReviewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RefresherReviews_OrganisationId_ReviewedAt",
                table: "RefresherReviews",
                columns: new[] { "OrganisationId", "ReviewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RefresherReviews_QuestionId",
                table: "RefresherReviews",
                column: "QuestionId");

            migrationBuilder.CreateIndex(
                name: "IX_RefresherReviews_StaffMemberId_ReviewedAt",
                table: "RefresherReviews",
                columns: new[] { "StaffMemberId", "ReviewedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RolePathways_OrganisationId_Name",
                table: "RolePathways",
                columns: new[] { "OrganisationId", "Name" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RolePathwaySteps_CompetencyId",
                table: "RolePathwaySteps",
                column: "CompetencyId");

            migrationBuilder.CreateIndex(
                name: "IX_RolePathwaySteps_RolePathwayId_Position",
                table: "RolePathwaySteps",
                columns: new[] { "RolePathwayId", "Position" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "PathwayAssignments");

            migrationBuilder.DropTable(
                name: "PathwaySettings");

            migrationBuilder.DropTable(
                name: "RefresherReviews");

            migrationBuilder.DropTable(
                name: "RolePathwaySteps");

            migrationBuilder.DropTable(
                name: "RefresherCards");

            migrationBuilder.DropTable(
                name: "RolePathways");
        }
    }
}

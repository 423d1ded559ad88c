using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CareReady.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ObservedPracticeAndSelfAssessment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "RequiresObservation",
                table: "RequirementRules",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "Competencies",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "ObservedAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    StaffMemberId = table.Column<int>(type: "integer", nullable: false),
                    CompetencyId = table.Column<int>(type: "integer", nullable: false),
                    SupervisorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false),
                    SupervisorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ObservedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CriteriaJson = table.Column<string>(type: "character varying(8000)", maxLength: 8000, nullable: false),
                    Comments = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    RecordedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SignedOffAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletionId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ObservedAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ObservedAssessments_Competencies_CompetencyId",
                        column: x => x.CompetencyId,
                        principalTable: "Competencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ObservedAssessments_Completions_CompletionId",
                        column: x => x.CompletionId,
                        principalTable: "Completions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ObservedAssessments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ObservedAssessments_Staff_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SelfAssessments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    StaffMemberId = table.Column<int>(type: "integer", nullable: false),
                    SubjectId = table.Column<int>(type: "integer", nullable: false),
                    CompetencyId = table.Column<int>(type: "integer", nullable: false),
                    Rating = table.Column<int>(type: "integer", nullable: false),
                    LearnerNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    RequestedFromUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: true),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    ReviewedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ReviewComment = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    RequestedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReviewedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletionId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfAssessments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_Competencies_CompetencyId",
                        column: x => x.CompetencyId,
                        principalTable: "Competencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_Completions_CompletionId",
                        column: x => x.CompletionId,
                        principalTable: "Completions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_Staff_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SelfAssessments_Subjects_SubjectId",
                        column: x => x.SubjectId,
                        principalTable: "Subjects",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ObservedAssessments_CompetencyId",
                table: "ObservedAssessments",
                column: "CompetencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ObservedAssessments_CompletionId",
                table: "ObservedAssessments",
                column: "CompletionId");

            migrationBuilder.CreateIndex(
                name: "IX_ObservedAssessments_OrganisationId_StaffMemberId",
                table: "ObservedAssessments",
                columns: new[] { "OrganisationId", "StaffMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_ObservedAssessments_StaffMemberId",
                table: "ObservedAssessments",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_CompetencyId",
                table: "SelfAssessments",
                column: "CompetencyId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_CompletionId",
                table: "SelfAssessments",
                column: "CompletionId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_OrganisationId_RequestedFromUserId_Status",
                table: "SelfAssessments",
                columns: new[] { "OrganisationId", "RequestedFromUserId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_OrganisationId_StaffMemberId",
                table: "SelfAssessments",
                columns: new[] { "OrganisationId", "StaffMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_StaffMemberId",
                table: "SelfAssessments",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_SelfAssessments_SubjectId",
                table: "SelfAssessments",
                column: "SubjectId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ObservedAssessments");

            migrationBuilder.DropTable(
                name: "SelfAssessments");

            migrationBuilder.DropColumn(
                name: "RequiresObservation",
                table: "RequirementRules");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "Competencies");
        }
    }
}

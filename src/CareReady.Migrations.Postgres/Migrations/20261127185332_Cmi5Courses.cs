using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CareReady.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class Cmi5Courses : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "Cmi5Courses",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    ModuleId = table.Column<int>(type: "integer", nullable: false),
                    ModuleVersionId = table.Column<int>(type: "integer", nullable: false),
                    PublisherId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LmsId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    ImportedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ImportedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cmi5Courses", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cmi5Courses_ModuleVersions_ModuleVersionId",
                        column: x => x.ModuleVersionId,
                        principalTable: "ModuleVersions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cmi5Courses_Modules_ModuleId",
                        column: x => x.ModuleId,
                        principalTable: "Modules",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cmi5Courses_Organisations_OrganisationId",
                        column: x => x.OrganisationId,
                        principalTable: "Organisations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Cmi5Blocks",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    ParentId = table.Column<int>(type: "integer", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    PublisherId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    LmsId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cmi5Blocks", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cmi5Blocks_Cmi5Blocks_ParentId",
                        column: x => x.ParentId,
                        principalTable: "Cmi5Blocks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cmi5Blocks_Cmi5Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Cmi5Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cmi5Files",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    Path = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false),
                    ContentType = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cmi5Files", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cmi5Files_Cmi5Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Cmi5Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cmi5Registrations",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    StaffMemberId = table.Column<int>(type: "integer", nullable: false),
                    Registration = table.Column<Guid>(type: "uuid", nullable: false),
                    ActorJson = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    ActorKey = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SatisfiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SatisfiedBlocks = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cmi5Registrations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cmi5Registrations_Cmi5Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Cmi5Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cmi5Registrations_Staff_StaffMemberId",
                        column: x => x.StaffMemberId,
                        principalTable: "Staff",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Cmi5Aus",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    CourseId = table.Column<int>(type: "integer", nullable: false),
                    BlockId = table.Column<int>(type: "integer", nullable: true),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    PublisherId = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    ActivityId = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Url = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    LaunchMethod = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MoveOn = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    MasteryScore = table.Column<decimal>(type: "numeric(5,4)", precision: 5, scale: 4, nullable: true),
                    LaunchParameters = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    EntitlementKey = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cmi5Aus", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cmi5Aus_Cmi5Blocks_BlockId",
                        column: x => x.BlockId,
                        principalTable: "Cmi5Blocks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cmi5Aus_Cmi5Courses_CourseId",
                        column: x => x.CourseId,
                        principalTable: "Cmi5Courses",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cmi5AuProgress",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    RegistrationId = table.Column<int>(type: "integer", nullable: false),
                    AuId = table.Column<int>(type: "integer", nullable: false),
                    CompletedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PassedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    FailedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WaivedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    WaivedReason = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    SatisfiedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cmi5AuProgress", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cmi5AuProgress_Cmi5Aus_AuId",
                        column: x => x.AuId,
                        principalTable: "Cmi5Aus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cmi5AuProgress_Cmi5Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Cmi5Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Cmi5Sessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    OrganisationId = table.Column<int>(type: "integer", nullable: false),
                    RegistrationId = table.Column<int>(type: "integer", nullable: false),
                    AuId = table.Column<int>(type: "integer", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    FetchHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    TokenHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    LaunchedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    FetchedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    InitializedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastStatementAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    TerminatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    AbandonedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Cmi5Sessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Cmi5Sessions_Cmi5Aus_AuId",
                        column: x => x.AuId,
                        principalTable: "Cmi5Aus",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Cmi5Sessions_Cmi5Registrations_RegistrationId",
                        column: x => x.RegistrationId,
                        principalTable: "Cmi5Registrations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Cmi5AuProgress_AuId",
                table: "Cmi5AuProgress",
                column: "AuId");

            migrationBuilder.CreateIndex(
                name: "IX_Cmi5AuProgress_RegistrationId_AuId",
                table: "Cmi5AuProgress",
                columns: new[] { "RegistrationId", "AuId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cmi5Aus_BlockId",
                table: "Cmi5Aus",
                column: "BlockId");

            migrationBuilder.CreateIndex(
                name: "IX_Cmi5Aus_CourseId_Position",
                table: "Cmi5Aus",
                columns: new[] { "CourseId", "Position" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cmi5Blocks_CourseId",
                table: "Cmi5Blocks",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_Cmi5Blocks_ParentId",
                table: "Cmi5Blocks",
                column: "ParentId");

            migrationBuilder.CreateIndex(
                name: "IX_Cmi5Courses_ModuleId",
                table: "Cmi5Courses",
                column: "ModuleId");

            migrationBuilder.CreateIndex(
                name: "IX_Cmi5Courses_ModuleVersionId",
                table: "Cmi5Courses",
                column: "ModuleVersionId");

            migrationBuilder.CreateIndex(
                name: "IX_Cmi5Courses_OrganisationId_ModuleId",
                table: "Cmi5Courses",
                columns: new[] { "OrganisationId", "ModuleId" });

            migrationBuilder.CreateIndex(
                name: "IX_Cmi5Files_CourseId_Path",
                table: "Cmi5Files",
                columns: new[] { "CourseId", "Path" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cmi5Registrations_CourseId",
                table: "Cmi5Registrations",
                column: "CourseId");

            migrationBuilder.CreateIndex(
                name: "IX_Cmi5Registrations_OrganisationId_CourseId_StaffMemberId",
                table: "Cmi5Registrations",
                columns: new[] { "OrganisationId", "CourseId", "StaffMemberId" });

            migrationBuilder.CreateIndex(
                name: "IX_Cmi5Registrations_Registration",
                table: "Cmi5Registrations",
                column: "Registration",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Cmi5Registrations_StaffMemberId",
                table: "Cmi5Registrations",
                column: "StaffMemberId");

            migrationBuilder.CreateIndex(
                name: "IX_Cmi5Sessions_AuId",
                table: "Cmi5Sessions",
                column: "AuId");

            migrationBuilder.CreateIndex(
                name: "IX_Cmi5Sessions_RegistrationId",
                table: "Cmi5Sessions",
                column: "RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_Cmi5Sessions_SessionId",
                table: "Cmi5Sessions",
                column: "SessionId",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Cmi5AuProgress");

            migrationBuilder.DropTable(
                name: "Cmi5Files");

            migrationBuilder.DropTable(
                name: "Cmi5Sessions");

            migrationBuilder.DropTable(
                name: "Cmi5Aus");

            migrationBuilder.DropTable(
                name: "Cmi5Registrations");

            migrationBuilder.DropTable(
                name: "Cmi5Blocks");

            migrationBuilder.DropTable(
                name: "Cmi5Courses");
        }
    }
}

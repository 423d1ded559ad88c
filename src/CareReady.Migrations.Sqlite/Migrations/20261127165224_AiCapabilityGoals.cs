using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReady.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AiCapabilityGoals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "SubjectId",
                table: "StrategicGoals",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "INTEGER");

            migrationBuilder.AddColumn<int>(
                name: "AiLevel",
                table: "StrategicGoals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Kind",
                table: "StrategicGoals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "MinBand",
                table: "StrategicGoals",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StaffGroupCode",
                table: "StrategicGoals",
                type: "TEXT",
                maxLength: 8,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_StrategicGoals_StaffGroupCode",
                table: "StrategicGoals",
                column: "StaffGroupCode");

            migrationBuilder.AddForeignKey(
                name: "FK_StrategicGoals_StaffGroups_StaffGroupCode",
                table: "StrategicGoals",
                column: "StaffGroupCode",
                principalTable: "StaffGroups",
                principalColumn: "Code",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_StrategicGoals_StaffGroups_StaffGroupCode",
                table: "StrategicGoals");

            migrationBuilder.DropIndex(
                name: "IX_StrategicGoals_StaffGroupCode",
                table: "StrategicGoals");

            migrationBuilder.DropColumn(
                name: "AiLevel",
                table: "StrategicGoals");

            migrationBuilder.DropColumn(
                name: "Kind",
                table: "StrategicGoals");

            migrationBuilder.DropColumn(
                name: "MinBand",
                table: "StrategicGoals");

            migrationBuilder.DropColumn(
                name: "StaffGroupCode",
                table: "StrategicGoals");

            migrationBuilder.AlterColumn<int>(
                name: "SubjectId",
                table: "StrategicGoals",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "INTEGER",
                oldNullable: true);
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReady.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class CertificatesForScormAndCmi5 : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int>(
                name: "ScorePercent",
                table: "IssuedCertificates",
                type: "integer",
                nullable: true,
                oldClrType: typeof(int),
                oldType: "integer");

            migrationBuilder.AlterColumn<long>(
                name: "AttemptId",
                table: "IssuedCertificates",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.AddColumn<int>(
                name: "Cmi5RegistrationId",
                table: "IssuedCertificates",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Route",
                table: "IssuedCertificates",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "ScormAttemptId",
                table: "IssuedCertificates",
                type: "bigint",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedCertificates_Cmi5RegistrationId",
                table: "IssuedCertificates",
                column: "Cmi5RegistrationId");

            migrationBuilder.CreateIndex(
                name: "IX_IssuedCertificates_ScormAttemptId",
                table: "IssuedCertificates",
                column: "ScormAttemptId");

            migrationBuilder.AddForeignKey(
                name: "FK_IssuedCertificates_Cmi5Registrations_Cmi5RegistrationId",
                table: "IssuedCertificates",
                column: "Cmi5RegistrationId",
                principalTable: "Cmi5Registrations",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_IssuedCertificates_ScormAttempts_ScormAttemptId",
                table: "IssuedCertificates",
                column: "ScormAttemptId",
                principalTable: "ScormAttempts",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_IssuedCertificates_Cmi5Registrations_Cmi5RegistrationId",
                table: "IssuedCertificates");

            migrationBuilder.DropForeignKey(
                name: "FK_IssuedCertificates_ScormAttempts_ScormAttemptId",
                table: "IssuedCertificates");

            migrationBuilder.DropIndex(
                name: "IX_IssuedCertificates_Cmi5RegistrationId",
                table: "IssuedCertificates");

            migrationBuilder.DropIndex(
                name: "IX_IssuedCertificates_ScormAttemptId",
                table: "IssuedCertificates");

            migrationBuilder.DropColumn(
                name: "Cmi5RegistrationId",
                table: "IssuedCertificates");

            migrationBuilder.DropColumn(
                name: "Route",
                table: "IssuedCertificates");

            migrationBuilder.DropColumn(
                name: "ScormAttemptId",
                table: "IssuedCertificates");

            migrationBuilder.AlterColumn<int>(
                name: "ScorePercent",
                table: "IssuedCertificates",
                type: "integer",
                nullable: false,
                defaultValue: 0,
                oldClrType: typeof(int),
                oldType: "integer",
                oldNullable: true);

            migrationBuilder.AlterColumn<long>(
                name: "AttemptId",
                table: "IssuedCertificates",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);
        }
    }
}

using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReady.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class ScormSequencing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SequencingJson",
                table: "ScormScos",
                type: "text",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "CurrentPosition",
                table: "ScormAttempts",
                type: "integer",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "SequencingJson",
                table: "ScormScos");

            migrationBuilder.DropColumn(
                name: "CurrentPosition",
                table: "ScormAttempts");
        }
    }
}

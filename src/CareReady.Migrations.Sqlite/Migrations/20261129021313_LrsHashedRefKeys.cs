using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReady.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class LrsHashedRefKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The index rows' key becomes the first 16 bytes of the SHA-256 of its UTF-8 text (XapiRefKey.Of), stored as
            // SQLite stores a Guid. The function is registered on the connection by DatabaseMigrator. A key marked '#' is
            // one that Down turned back into text: it is restored as it was. (The column stays TEXT: a Guid's type here.)
            migrationBuilder.Sql("""
                UPDATE "XapiStatementRefs" SET "Key" = CASE
                    WHEN substr("Key", 1, 1) = '#' THEN substr("Key", 2)
                    ELSE careready_xapi_ref_key("Key") END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A hash cannot be turned back into its text: the keys are kept, marked, for Up to restore.
            migrationBuilder.Sql("""UPDATE "XapiStatementRefs" SET "Key" = '#' || "Key";""");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CareReady.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class LrsHashedRefKeys : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The index rows' key becomes the first 16 bytes of the SHA-256 of its UTF-8 text (XapiRefKey.Of), as a uuid.
            // A key marked '#' is one that Down turned back into text: its uuid is restored as it was.
            migrationBuilder.Sql("""
                ALTER TABLE "XapiStatementRefs" ALTER COLUMN "Key" TYPE uuid USING (CASE
                    WHEN left("Key", 1) = '#' THEN substring("Key" from 2)::uuid
                    ELSE encode(substring(sha256(convert_to("Key", 'UTF8')) from 1 for 16), 'hex')::uuid END);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // A hash cannot be turned back into its text: the keys are kept, marked, for Up to restore. Until then the
            // earlier code's filters do not find the statements stored before.
            migrationBuilder.Sql("""ALTER TABLE "XapiStatementRefs" ALTER COLUMN "Key" TYPE text USING '#' || "Key"::text;""");
        }
    }
}

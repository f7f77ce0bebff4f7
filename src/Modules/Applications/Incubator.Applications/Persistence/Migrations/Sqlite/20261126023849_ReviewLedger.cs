using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Applications.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReviewLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReviewLedger",
                table: "Applications",
                type: "TEXT",
                nullable: true);

            // Reviews written before this migration: each application's ledger, as ScoreKeeper.ReviewsChangedAsync writes it.
            migrationBuilder.Sql(@"UPDATE ""Applications"" SET ""ReviewLedger"" = (SELECT group_concat(r.""ReviewerUserId"" || CASE WHEN r.""State"" = 'Scored' THEN '=' || r.""WeightedScore"" ELSE '' END, ';') FROM ""Reviews"" AS r WHERE r.""ApplicationId"" = ""Applications"".""Id"" AND r.""State"" <> 'Declared');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReviewLedger",
                table: "Applications");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Applications.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StoredReviewScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReviewCount",
                table: "Applications",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "Score",
                table: "Applications",
                type: "REAL",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReviewerTallies",
                columns: table => new
                {
                    SeasonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ReviewerUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false),
                    Sum = table.Column<double>(type: "REAL", nullable: false),
                    SumOfSquares = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewerTallies", x => new { x.SeasonId, x.ReviewerUserId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_SeasonId_Score_SubmittedAt_Id",
                table: "Applications",
                columns: new[] { "SeasonId", "Score", "SubmittedAt", "Id" },
                descending: new[] { false, true, false, false });
            // Reviews scored before this migration: their applications' scores and their reviewers' tallies.
            migrationBuilder.Sql(@"UPDATE ""Applications"" SET ""Score"" = (SELECT AVG(r.""WeightedScore"") FROM ""Reviews"" AS r WHERE r.""ApplicationId"" = ""Applications"".""Id"" AND r.""State"" = 'Scored'), ""ReviewCount"" = (SELECT COUNT(*) FROM ""Reviews"" AS r WHERE r.""ApplicationId"" = ""Applications"".""Id"" AND r.""State"" = 'Scored');");
            migrationBuilder.Sql(@"INSERT INTO ""ReviewerTallies"" (""SeasonId"", ""ReviewerUserId"", ""Count"", ""Sum"", ""SumOfSquares"") SELECT ""SeasonId"", ""ReviewerUserId"", COUNT(*), SUM(""WeightedScore""), SUM(""WeightedScore"" * ""WeightedScore"") FROM ""Reviews"" WHERE ""State"" = 'Scored' GROUP BY ""SeasonId"", ""ReviewerUserId"";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewerTallies");

            migrationBuilder.DropIndex(
                name: "IX_Applications_SeasonId_Score_SubmittedAt_Id",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ReviewCount",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Score",
                table: "Applications");
        }
    }
}

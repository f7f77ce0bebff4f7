using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Applications.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class StoredReviewScores : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ReviewCount",
                schema: "applications",
                table: "Applications",
                type: "int",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<double>(
                name: "Score",
                schema: "applications",
                table: "Applications",
                type: "float",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReviewerTallies",
                schema: "applications",
                columns: table => new
                {
                    SeasonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ReviewerUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Count = table.Column<int>(type: "int", nullable: false),
                    Sum = table.Column<double>(type: "float", nullable: false),
                    SumOfSquares = table.Column<double>(type: "float", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReviewerTallies", x => new { x.SeasonId, x.ReviewerUserId });
                });

            migrationBuilder.CreateIndex(
                name: "IX_Applications_SeasonId_Score_SubmittedAt_Id",
                schema: "applications",
                table: "Applications",
                columns: new[] { "SeasonId", "Score", "SubmittedAt", "Id" },
                descending: new[] { false, true, false, false });
            // Reviews scored before this migration: their applications' scores and their reviewers' tallies.
            migrationBuilder.Sql(@"UPDATE [applications].[Applications] SET [Score] = (SELECT AVG(r.[WeightedScore]) FROM [applications].[Reviews] AS r WHERE r.[ApplicationId] = [applications].[Applications].[Id] AND r.[State] = 'Scored'), [ReviewCount] = (SELECT COUNT(*) FROM [applications].[Reviews] AS r WHERE r.[ApplicationId] = [applications].[Applications].[Id] AND r.[State] = 'Scored');");
            migrationBuilder.Sql(@"INSERT INTO [applications].[ReviewerTallies] ([SeasonId], [ReviewerUserId], [Count], [Sum], [SumOfSquares]) SELECT [SeasonId], [ReviewerUserId], COUNT(*), SUM([WeightedScore]), SUM([WeightedScore] * [WeightedScore]) FROM [applications].[Reviews] WHERE [State] = 'Scored' GROUP BY [SeasonId], [ReviewerUserId];");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReviewerTallies",
                schema: "applications");

            migrationBuilder.DropIndex(
                name: "IX_Applications_SeasonId_Score_SubmittedAt_Id",
                schema: "applications",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "ReviewCount",
                schema: "applications",
                table: "Applications");

            migrationBuilder.DropColumn(
                name: "Score",
                schema: "applications",
                table: "Applications");
        }
    }
}

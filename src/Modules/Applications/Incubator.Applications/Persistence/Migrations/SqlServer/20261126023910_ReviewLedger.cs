using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Applications.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ReviewLedger : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReviewLedger",
                schema: "applications",
                table: "Applications",
                type: "nvarchar(max)",
                nullable: true);

            // Reviews written before this migration: each application's ledger, as ScoreKeeper.ReviewsChangedAsync writes it (style 3: every digit of the float).
            migrationBuilder.Sql(@"UPDATE [applications].[Applications] SET [ReviewLedger] = (SELECT STRING_AGG(CONVERT(nvarchar(max), CONVERT(nvarchar(36), r.[ReviewerUserId]) + CASE WHEN r.[State] = N'Scored' THEN N'=' + CONVERT(nvarchar(30), r.[WeightedScore], 3) ELSE N'' END), N';') FROM [applications].[Reviews] AS r WHERE r.[ApplicationId] = [applications].[Applications].[Id] AND r.[State] <> N'Declared');");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReviewLedger",
                schema: "applications",
                table: "Applications");
        }
    }
}

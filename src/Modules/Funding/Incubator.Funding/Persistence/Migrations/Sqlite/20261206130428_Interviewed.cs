using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Funding.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Interviewed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "InterviewedAt",
                table: "ReportApplications",
                type: "INTEGER",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InterviewedAt",
                table: "ReportApplications");
        }
    }
}

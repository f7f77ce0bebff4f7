using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Funding.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class PeopleTrained : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PersonKey",
                table: "ReportAttendance",
                type: "TEXT",
                maxLength: 32,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PersonKey",
                table: "ReportAttendance");
        }
    }
}

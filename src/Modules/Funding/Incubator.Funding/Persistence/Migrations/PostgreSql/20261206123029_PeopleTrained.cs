using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Funding.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class PeopleTrained : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "PersonKey",
                schema: "funding",
                table: "ReportAttendance",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PersonKey",
                schema: "funding",
                table: "ReportAttendance");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Funding.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Interviewed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "InterviewedAt",
                schema: "funding",
                table: "ReportApplications",
                type: "datetimeoffset",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "InterviewedAt",
                schema: "funding",
                table: "ReportApplications");
        }
    }
}

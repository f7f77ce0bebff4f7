using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Funding.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class InformationMeetingsAndFunnel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SelectedAt",
                schema: "funding",
                table: "ReportApplications",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ShortlistedAt",
                schema: "funding",
                table: "ReportApplications",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReportInformationMeetings",
                schema: "funding",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SeasonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Registered = table.Column<int>(type: "int", nullable: false),
                    Attended = table.Column<int>(type: "int", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportInformationMeetings", x => x.MeetingId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportInformationMeetings_SeasonId",
                schema: "funding",
                table: "ReportInformationMeetings",
                column: "SeasonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportInformationMeetings",
                schema: "funding");

            migrationBuilder.DropColumn(
                name: "SelectedAt",
                schema: "funding",
                table: "ReportApplications");

            migrationBuilder.DropColumn(
                name: "ShortlistedAt",
                schema: "funding",
                table: "ReportApplications");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Funding.Persistence.Migrations.PostgreSql
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
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ShortlistedAt",
                schema: "funding",
                table: "ReportApplications",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReportInformationMeetings",
                schema: "funding",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "uuid", nullable: false),
                    SeasonId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Registered = table.Column<int>(type: "integer", nullable: false),
                    Attended = table.Column<int>(type: "integer", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
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

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Funding.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InformationMeetingsAndFunnel : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "SelectedAt",
                table: "ReportApplications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ShortlistedAt",
                table: "ReportApplications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ReportInformationMeetings",
                columns: table => new
                {
                    MeetingId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeasonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    StartsAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Registered = table.Column<int>(type: "INTEGER", nullable: false),
                    Attended = table.Column<int>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportInformationMeetings", x => x.MeetingId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportInformationMeetings_SeasonId",
                table: "ReportInformationMeetings",
                column: "SeasonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportInformationMeetings");

            migrationBuilder.DropColumn(
                name: "SelectedAt",
                table: "ReportApplications");

            migrationBuilder.DropColumn(
                name: "ShortlistedAt",
                table: "ReportApplications");
        }
    }
}

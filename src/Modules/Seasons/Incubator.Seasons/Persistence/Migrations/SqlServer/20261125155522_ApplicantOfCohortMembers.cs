using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Seasons.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ApplicantOfCohortMembers : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "ApplicantUserId",
                schema: "seasons",
                table: "EligibleApplications",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));

            migrationBuilder.AddColumn<Guid>(
                name: "ApplicantUserId",
                schema: "seasons",
                table: "CohortMembers",
                type: "uniqueidentifier",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ApplicantUserId",
                schema: "seasons",
                table: "EligibleApplications");

            migrationBuilder.DropColumn(
                name: "ApplicantUserId",
                schema: "seasons",
                table: "CohortMembers");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Trainings.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class SessionChanges : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledAt",
                schema: "trainings",
                table: "Sessions",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ChangeReason",
                schema: "trainings",
                table: "Sessions",
                type: "nvarchar(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ChangedAt",
                schema: "trainings",
                table: "Sessions",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Sequence",
                schema: "trainings",
                table: "Sessions",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancelledAt",
                schema: "trainings",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ChangeReason",
                schema: "trainings",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "ChangedAt",
                schema: "trainings",
                table: "Sessions");

            migrationBuilder.DropColumn(
                name: "Sequence",
                schema: "trainings",
                table: "Sessions");
        }
    }
}

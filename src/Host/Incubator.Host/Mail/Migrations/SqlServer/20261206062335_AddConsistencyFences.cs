using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Host.Mail.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AddConsistencyFences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsistencyFences",
                schema: "mail",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Key = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsistencyFences", x => new { x.Scope, x.Key });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsistencyFences",
                schema: "mail");
        }
    }
}

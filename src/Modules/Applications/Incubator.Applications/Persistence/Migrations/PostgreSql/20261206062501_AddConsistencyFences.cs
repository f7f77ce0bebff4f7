using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Applications.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class AddConsistencyFences : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsistencyFences",
                schema: "applications",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    Key = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
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
                schema: "applications");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Funding.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ImpactOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportQuestionnaires",
                schema: "funding",
                columns: table => new
                {
                    QuestionnaireId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SeasonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "nvarchar(12)", maxLength: 12, nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    Activity = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    LegalForm = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    JobsFte = table.Column<decimal>(type: "decimal(6,2)", precision: 6, scale: 2, nullable: true),
                    PeopleEmployed = table.Column<int>(type: "int", nullable: true),
                    PermanentContracts = table.Column<int>(type: "int", nullable: true),
                    Volunteers = table.Column<int>(type: "int", nullable: true),
                    PeopleReached = table.Column<int>(type: "int", nullable: true),
                    SkillEconomicModel = table.Column<int>(type: "int", nullable: true),
                    SkillLegal = table.Column<int>(type: "int", nullable: true),
                    SkillManagement = table.Column<int>(type: "int", nullable: true),
                    SkillFunding = table.Column<int>(type: "int", nullable: true),
                    SkillCooperation = table.Column<int>(type: "int", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportQuestionnaires", x => x.QuestionnaireId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportQuestionnaires_ProgramId",
                schema: "funding",
                table: "ReportQuestionnaires",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportQuestionnaires_SeasonId",
                schema: "funding",
                table: "ReportQuestionnaires",
                column: "SeasonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportQuestionnaires",
                schema: "funding");
        }
    }
}

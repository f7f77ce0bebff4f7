using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Funding.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ImpactOutcomes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ReportQuestionnaires",
                columns: table => new
                {
                    QuestionnaireId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeasonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 12, nullable: false),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LegalForm = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    JobsFte = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    PeopleEmployed = table.Column<int>(type: "INTEGER", nullable: true),
                    PermanentContracts = table.Column<int>(type: "INTEGER", nullable: true),
                    Volunteers = table.Column<int>(type: "INTEGER", nullable: true),
                    PeopleReached = table.Column<int>(type: "INTEGER", nullable: true),
                    SkillEconomicModel = table.Column<int>(type: "INTEGER", nullable: true),
                    SkillLegal = table.Column<int>(type: "INTEGER", nullable: true),
                    SkillManagement = table.Column<int>(type: "INTEGER", nullable: true),
                    SkillFunding = table.Column<int>(type: "INTEGER", nullable: true),
                    SkillCooperation = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportQuestionnaires", x => x.QuestionnaireId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ReportQuestionnaires_ProgramId",
                table: "ReportQuestionnaires",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportQuestionnaires_SeasonId",
                table: "ReportQuestionnaires",
                column: "SeasonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ReportQuestionnaires");
        }
    }
}

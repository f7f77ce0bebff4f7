using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Funding.Persistence.Migrations.PostgreSql
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
                    QuestionnaireId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SeasonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProgramId = table.Column<Guid>(type: "uuid", nullable: false),
                    Stage = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Status = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Revision = table.Column<int>(type: "integer", nullable: false),
                    Activity = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    LegalForm = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    JobsFte = table.Column<decimal>(type: "numeric(6,2)", precision: 6, scale: 2, nullable: true),
                    PeopleEmployed = table.Column<int>(type: "integer", nullable: true),
                    PermanentContracts = table.Column<int>(type: "integer", nullable: true),
                    Volunteers = table.Column<int>(type: "integer", nullable: true),
                    PeopleReached = table.Column<int>(type: "integer", nullable: true),
                    SkillEconomicModel = table.Column<int>(type: "integer", nullable: true),
                    SkillLegal = table.Column<int>(type: "integer", nullable: true),
                    SkillManagement = table.Column<int>(type: "integer", nullable: true),
                    SkillFunding = table.Column<int>(type: "integer", nullable: true),
                    SkillCooperation = table.Column<int>(type: "integer", nullable: true)
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

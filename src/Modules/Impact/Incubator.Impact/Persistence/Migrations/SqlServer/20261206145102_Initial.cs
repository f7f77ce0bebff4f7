using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Impact.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "impact");

            migrationBuilder.CreateTable(
                name: "ConsistencyFences",
                schema: "impact",
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

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                schema: "impact",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Handler = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    HandledAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                schema: "impact",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Type = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    Payload = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: true),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Projects",
                schema: "impact",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SeasonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProjectName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    DepartmentCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    HolderUserId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    JoinedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    AnonymisedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.ProjectId);
                });

            migrationBuilder.CreateTable(
                name: "Questionnaires",
                schema: "impact",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    SeasonId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Stage = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "date", nullable: false),
                    OpenedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    RemindedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    LastRemindedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    ClosedUnansweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AnsweredAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true),
                    AnsweredBy = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    AnsweredByName = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    FilledByCoach = table.Column<bool>(type: "bit", nullable: false),
                    Revision = table.Column<int>(type: "int", nullable: false),
                    Activity = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    LaunchedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    LegalForm = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    LegalFormOther = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    JobsFte = table.Column<decimal>(type: "decimal(6,2)", precision: 6, scale: 2, nullable: true),
                    PeopleEmployed = table.Column<int>(type: "int", nullable: true),
                    PermanentContracts = table.Column<int>(type: "int", nullable: true),
                    Volunteers = table.Column<int>(type: "int", nullable: true),
                    TurnoverBand = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    SalesShare = table.Column<int>(type: "int", nullable: true),
                    SubsidiesShare = table.Column<int>(type: "int", nullable: true),
                    DonationsShare = table.Column<int>(type: "int", nullable: true),
                    PeopleReached = table.Column<int>(type: "int", nullable: true),
                    Communes = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: true),
                    SkillEconomicModel = table.Column<int>(type: "int", nullable: true),
                    SkillLegal = table.Column<int>(type: "int", nullable: true),
                    SkillManagement = table.Column<int>(type: "int", nullable: true),
                    SkillFunding = table.Column<int>(type: "int", nullable: true),
                    SkillCooperation = table.Column<int>(type: "int", nullable: true),
                    CustomAnswers = table.Column<string>(type: "nvarchar(max)", maxLength: 30000, nullable: true),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questionnaires", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Settings",
                schema: "impact",
                columns: table => new
                {
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FollowUpMonths = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settings", x => x.ProgramId);
                });

            migrationBuilder.CreateTable(
                name: "ProgramQuestions",
                schema: "impact",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Text = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    Position = table.Column<int>(type: "int", nullable: false),
                    Retired = table.Column<bool>(type: "bit", nullable: false),
                    ProgramId = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgramQuestions_Settings_ProgramId",
                        column: x => x.ProgramId,
                        principalSchema: "impact",
                        principalTable: "Settings",
                        principalColumn: "ProgramId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProcessedAt_NextAttemptAt",
                schema: "impact",
                table: "OutboxMessages",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramQuestions_ProgramId",
                schema: "impact",
                table: "ProgramQuestions",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_HolderUserId",
                schema: "impact",
                table: "Projects",
                column: "HolderUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_SeasonId",
                schema: "impact",
                table: "Projects",
                column: "SeasonId");

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_AnsweredAt_ClosedUnansweredAt",
                schema: "impact",
                table: "Questionnaires",
                columns: new[] { "AnsweredAt", "ClosedUnansweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_ProjectId_Stage",
                schema: "impact",
                table: "Questionnaires",
                columns: new[] { "ProjectId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_SeasonId_Stage",
                schema: "impact",
                table: "Questionnaires",
                columns: new[] { "SeasonId", "Stage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsistencyFences",
                schema: "impact");

            migrationBuilder.DropTable(
                name: "InboxMessages",
                schema: "impact");

            migrationBuilder.DropTable(
                name: "OutboxMessages",
                schema: "impact");

            migrationBuilder.DropTable(
                name: "ProgramQuestions",
                schema: "impact");

            migrationBuilder.DropTable(
                name: "Projects",
                schema: "impact");

            migrationBuilder.DropTable(
                name: "Questionnaires",
                schema: "impact");

            migrationBuilder.DropTable(
                name: "Settings",
                schema: "impact");
        }
    }
}

using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Impact.Persistence.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ConsistencyFences",
                columns: table => new
                {
                    Scope = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Key = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ConsistencyFences", x => new { x.Scope, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Handler = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    HandledAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Payload = table.Column<string>(type: "TEXT", nullable: false),
                    OccurredAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ProcessedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 4000, nullable: true),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Projects",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeasonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DepartmentCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    HolderUserId = table.Column<Guid>(type: "TEXT", nullable: false),
                    JoinedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    AnonymisedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Projects", x => x.ProjectId);
                });

            migrationBuilder.CreateTable(
                name: "Questionnaires",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SeasonId = table.Column<Guid>(type: "TEXT", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Stage = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OpensOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    LastRemindedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    ClosedUnansweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AnsweredBy = table.Column<Guid>(type: "TEXT", nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FilledByCoach = table.Column<bool>(type: "INTEGER", nullable: false),
                    Revision = table.Column<int>(type: "INTEGER", nullable: false),
                    Activity = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LaunchedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    LegalForm = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    LegalFormOther = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    JobsFte = table.Column<decimal>(type: "TEXT", precision: 6, scale: 2, nullable: true),
                    PeopleEmployed = table.Column<int>(type: "INTEGER", nullable: true),
                    PermanentContracts = table.Column<int>(type: "INTEGER", nullable: true),
                    Volunteers = table.Column<int>(type: "INTEGER", nullable: true),
                    TurnoverBand = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    SalesShare = table.Column<int>(type: "INTEGER", nullable: true),
                    SubsidiesShare = table.Column<int>(type: "INTEGER", nullable: true),
                    DonationsShare = table.Column<int>(type: "INTEGER", nullable: true),
                    PeopleReached = table.Column<int>(type: "INTEGER", nullable: true),
                    Communes = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    SkillEconomicModel = table.Column<int>(type: "INTEGER", nullable: true),
                    SkillLegal = table.Column<int>(type: "INTEGER", nullable: true),
                    SkillManagement = table.Column<int>(type: "INTEGER", nullable: true),
                    SkillFunding = table.Column<int>(type: "INTEGER", nullable: true),
                    SkillCooperation = table.Column<int>(type: "INTEGER", nullable: true),
                    CustomAnswers = table.Column<string>(type: "TEXT", maxLength: 30000, nullable: true),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Questionnaires", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Settings",
                columns: table => new
                {
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false),
                    FollowUpMonths = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Version = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settings", x => x.ProgramId);
                });

            migrationBuilder.CreateTable(
                name: "ProgramQuestions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Position = table.Column<int>(type: "INTEGER", nullable: false),
                    Retired = table.Column<bool>(type: "INTEGER", nullable: false),
                    ProgramId = table.Column<Guid>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ProgramQuestions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ProgramQuestions_Settings_ProgramId",
                        column: x => x.ProgramId,
                        principalTable: "Settings",
                        principalColumn: "ProgramId",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProcessedAt_NextAttemptAt",
                table: "OutboxMessages",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ProgramQuestions_ProgramId",
                table: "ProgramQuestions",
                column: "ProgramId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_HolderUserId",
                table: "Projects",
                column: "HolderUserId");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_SeasonId",
                table: "Projects",
                column: "SeasonId");

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_AnsweredAt_ClosedUnansweredAt",
                table: "Questionnaires",
                columns: new[] { "AnsweredAt", "ClosedUnansweredAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_ProjectId_Stage",
                table: "Questionnaires",
                columns: new[] { "ProjectId", "Stage" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Questionnaires_SeasonId_Stage",
                table: "Questionnaires",
                columns: new[] { "SeasonId", "Stage" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ConsistencyFences");

            migrationBuilder.DropTable(
                name: "InboxMessages");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "ProgramQuestions");

            migrationBuilder.DropTable(
                name: "Projects");

            migrationBuilder.DropTable(
                name: "Questionnaires");

            migrationBuilder.DropTable(
                name: "Settings");
        }
    }
}

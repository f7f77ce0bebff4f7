using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Incubator.Funding.Persistence.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InitialPostgreSql : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.EnsureSchema(
                name: "funding");

            migrationBuilder.CreateTable(
                name: "Agreements",
                schema: "funding",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FunderId = table.Column<Guid>(type: "uuid", nullable: false),
                    SeasonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    SignedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Agreements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Funders",
                schema: "funding",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Contacts = table.Column<string>(type: "jsonb", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Funders", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "InboxMessages",
                schema: "funding",
                columns: table => new
                {
                    MessageId = table.Column<Guid>(type: "uuid", nullable: false),
                    Handler = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    HandledAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InboxMessages", x => new { x.MessageId, x.Handler });
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                schema: "funding",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Payload = table.Column<string>(type: "text", nullable: false),
                    OccurredAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ProcessedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    NextAttemptAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportApplications",
                schema: "funding",
                columns: table => new
                {
                    ApplicationId = table.Column<Guid>(type: "uuid", nullable: false),
                    SeasonId = table.Column<Guid>(type: "uuid", nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    SubmittedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    WithdrawnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportApplications", x => x.ApplicationId);
                });

            migrationBuilder.CreateTable(
                name: "ReportAttendance",
                schema: "funding",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    SeasonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Attended = table.Column<bool>(type: "boolean", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportAttendance", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportCoachingSessions",
                schema: "funding",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SeasonId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Minutes = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportCoachingSessions", x => x.SessionId);
                });

            migrationBuilder.CreateTable(
                name: "ReportMilestones",
                schema: "funding",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    Key = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    SeasonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ReachedOn = table.Column<DateOnly>(type: "date", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportMilestones", x => new { x.ProjectId, x.Key });
                });

            migrationBuilder.CreateTable(
                name: "ReportProjects",
                schema: "funding",
                columns: table => new
                {
                    ProjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SeasonId = table.Column<Guid>(type: "uuid", nullable: false),
                    ProjectName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DepartmentCode = table.Column<string>(type: "character varying(3)", maxLength: 3, nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportProjects", x => x.ProjectId);
                });

            migrationBuilder.CreateTable(
                name: "ReportSnapshots",
                schema: "funding",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SeasonId = table.Column<Guid>(type: "uuid", nullable: false),
                    FunderId = table.Column<Guid>(type: "uuid", nullable: true),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Json = table.Column<string>(type: "text", nullable: false),
                    ApprovedBy = table.Column<Guid>(type: "uuid", nullable: false),
                    ApprovedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportSnapshots", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportStamps",
                schema: "funding",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportStamps", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "ReportTrainingSheets",
                schema: "funding",
                columns: table => new
                {
                    SessionId = table.Column<Guid>(type: "uuid", nullable: false),
                    SeasonId = table.Column<Guid>(type: "uuid", nullable: false),
                    StartsAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Revision = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportTrainingSheets", x => x.SessionId);
                });

            migrationBuilder.CreateTable(
                name: "ReportDeadlines",
                schema: "funding",
                columns: table => new
                {
                    Index = table.Column<int>(type: "integer", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reminded30On = table.Column<DateOnly>(type: "date", nullable: true),
                    Reminded7On = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportDeadlines", x => new { x.AgreementId, x.Index });
                    table.ForeignKey(
                        name: "FK_ReportDeadlines_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalSchema: "funding",
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Tranches",
                schema: "funding",
                columns: table => new
                {
                    Index = table.Column<int>(type: "integer", nullable: false),
                    AgreementId = table.Column<Guid>(type: "uuid", nullable: false),
                    Amount = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    DueOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    RequestedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReceivedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Reminded30On = table.Column<DateOnly>(type: "date", nullable: true),
                    Reminded7On = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Tranches", x => new { x.AgreementId, x.Index });
                    table.ForeignKey(
                        name: "FK_Tranches_Agreements_AgreementId",
                        column: x => x.AgreementId,
                        principalSchema: "funding",
                        principalTable: "Agreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.InsertData(
                schema: "funding",
                table: "ReportStamps",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, new Guid("00000000-0000-0000-0000-000000000000") });

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_FunderId",
                schema: "funding",
                table: "Agreements",
                column: "FunderId");

            migrationBuilder.CreateIndex(
                name: "IX_Agreements_SeasonId",
                schema: "funding",
                table: "Agreements",
                column: "SeasonId");

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_ProcessedAt_NextAttemptAt",
                schema: "funding",
                table: "OutboxMessages",
                columns: new[] { "ProcessedAt", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportApplications_SeasonId_DepartmentCode",
                schema: "funding",
                table: "ReportApplications",
                columns: new[] { "SeasonId", "DepartmentCode" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportAttendance_SeasonId_ProjectId",
                schema: "funding",
                table: "ReportAttendance",
                columns: new[] { "SeasonId", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportAttendance_SessionId",
                schema: "funding",
                table: "ReportAttendance",
                column: "SessionId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportCoachingSessions_SeasonId_ProjectId",
                schema: "funding",
                table: "ReportCoachingSessions",
                columns: new[] { "SeasonId", "ProjectId" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportMilestones_SeasonId",
                schema: "funding",
                table: "ReportMilestones",
                column: "SeasonId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportProjects_SeasonId",
                schema: "funding",
                table: "ReportProjects",
                column: "SeasonId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportSnapshots_SeasonId_ApprovedAt",
                schema: "funding",
                table: "ReportSnapshots",
                columns: new[] { "SeasonId", "ApprovedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportTrainingSheets_SeasonId",
                schema: "funding",
                table: "ReportTrainingSheets",
                column: "SeasonId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Funders",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "InboxMessages",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "OutboxMessages",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "ReportApplications",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "ReportAttendance",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "ReportCoachingSessions",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "ReportDeadlines",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "ReportMilestones",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "ReportProjects",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "ReportSnapshots",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "ReportStamps",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "ReportTrainingSheets",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "Tranches",
                schema: "funding");

            migrationBuilder.DropTable(
                name: "Agreements",
                schema: "funding");
        }
    }
}

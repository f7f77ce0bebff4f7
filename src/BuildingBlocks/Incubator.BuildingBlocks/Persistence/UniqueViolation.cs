using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Incubator.BuildingBlocks.Persistence;

/// <summary>
/// A save refused by a unique index: a "check, then insert" rule (one declaration per reviewer and application, one
/// account per e-mail) whose check two requests passed at the same moment; the database let one in (ADR 0020). The
/// other is answered 409, like any change made on what someone else changed meanwhile, never 500.
/// </summary>
public static class UniqueViolation
{
    public static bool Is(Exception exception) => exception is DbUpdateException { InnerException: { } inner } && inner switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555, // SQLITE_CONSTRAINT_UNIQUE, _PRIMARYKEY
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        SqlException sqlServer => sqlServer.Number is 2601 or 2627,
        _ => false,
    };
}

using System;
using System.Data.Common;
using System.IO;
using Microsoft.Data.Sqlite;

namespace Bookshelf.Data;

/// <summary>SQLite, the embedded default: one file, nothing to install.</summary>
public sealed class SqliteDialect : SqlDialect
{
    // SQLite's extended result codes for the constraints the schema declares.
    private const int ConstraintUnique = 2067;
    private const int ConstraintPrimaryKey = 1555;
    private const int ConstraintForeignKey = 787;

    private readonly string _connectionString;

    /// <summary>The database file <paramref name="path"/>; nothing is opened until a connection is asked for.</summary>
    public SqliteDialect(string path)
    {
        FilePath = Path.GetFullPath(path);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = FilePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // SQLite checks REFERENCES clauses only when each connection asks for it.
            ForeignKeys = true,
        }.ToString();
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath { get; }

    /// <inheritdoc/>
    public override string Name => "SQLite";

    /// <inheritdoc/>
    public override DbConnection CreateConnection() => new SqliteConnection(_connectionString);

    /// <inheritdoc/>
    public override void ClearPool()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <inheritdoc/>
    /// <remarks>Without <c>AUTOINCREMENT</c> SQLite hands out the largest id + 1, so a deleted last row's id comes back.</remarks>
    public override string IdentityColumn => "INTEGER PRIMARY KEY AUTOINCREMENT";

    /// <inheritdoc/>
    public override string TimestampType => "TEXT";

    /// <inheritdoc/>
    /// <remarks>Microsoft.Data.Sqlite begins transactions with <c>BEGIN IMMEDIATE</c>, which already takes the write lock.</remarks>
    public override string LockSchema => "SELECT 1;";

    /// <inheritdoc/>
    /// <remarks>Write-ahead logging lets requests read while another one writes.</remarks>
    public override string Prepare => "PRAGMA journal_mode = WAL;";

    /// <inheritdoc/>
    public override string AfterSeed => "SELECT 1;";

    /// <inheritdoc/>
    public override string ContainsIgnoringCase(string text, string part) => $"instr(lower({text}), lower({part})) > 0";

    /// <inheritdoc/>
    public override string OrderIgnoringCase(string text) => $"{text} COLLATE NOCASE";

    /// <inheritdoc/>
    public override string JoinWithCommas(string column) => $"group_concat({column}, ',')";

    /// <inheritdoc/>
    public override string AverageOfTwoDecimals(string column) => $"round(avg({column}), 2)";

    /// <inheritdoc/>
    public override ConstraintConflict? Classify(Exception exception)
        => exception is SqliteException { SqliteErrorCode: SQLitePCL.raw.SQLITE_CONSTRAINT } sqlite
            ? sqlite.SqliteExtendedErrorCode switch
            {
                ConstraintUnique or ConstraintPrimaryKey => ConstraintConflict.Duplicate,
                ConstraintForeignKey => ConstraintConflict.Reference,
                _ => null,
            }
            : null;
}

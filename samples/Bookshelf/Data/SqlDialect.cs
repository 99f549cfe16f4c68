using System;
using System.Data.Common;

namespace Bookshelf.Data;

/// <summary>What a database error means for the request that caused it.</summary>
public enum ConstraintConflict
{
    /// <summary>A unique value (an ISBN, a shelf name) is already taken: another request stored it first.</summary>
    Duplicate,

    /// <summary>A row the write refers to is gone, or a row still refers to the one being deleted.</summary>
    Reference,
}

/// <summary>
/// The few places where SQLite and PostgreSQL need different SQL. The stores write everything else once: standard
/// SQL with <c>@name</c> parameters, <c>RETURNING</c>, <c>ON CONFLICT DO NOTHING</c> and <c>LIMIT … OFFSET</c>,
/// which both understand.
/// </summary>
public abstract class SqlDialect
{
    /// <summary>The database's name, for logs and the health check.</summary>
    public abstract string Name { get; }

    /// <summary>A new, closed connection.</summary>
    public abstract DbConnection CreateConnection();

    /// <summary>Returns the pooled connections, so a file or a database can be deleted.</summary>
    public abstract void ClearPool();

    /// <summary>The column definition of a primary key the database numbers and never reuses.</summary>
    public abstract string IdentityColumn { get; }

    /// <summary>The column type of an instant.</summary>
    public abstract string TimestampType { get; }

    /// <summary>The column type of binary data (<c>BLOB</c>, <c>BYTEA</c>).</summary>
    public abstract string BinaryType { get; }

    /// <summary>Runs before the schema is created or migrated, inside its transaction (PostgreSQL: a lock, so that instances starting together take turns).</summary>
    public abstract string LockSchema { get; }

    /// <summary>Runs once per start, outside any transaction (SQLite: the journal mode).</summary>
    public abstract string Prepare { get; }

    /// <summary>Runs after the seed rows, which carry explicit ids, so that the next generated id follows them.</summary>
    public abstract string AfterSeed { get; }

    /// <summary>
    /// Brings a database made before schemas had versions up to version 1, outside any transaction; does nothing
    /// on any other database. Only SQLite files can be that old.
    /// </summary>
    public virtual void UpgradeUnversioned(DbConnection connection)
    {
    }

    /// <summary>An expression that is true when the text <paramref name="text"/> contains <paramref name="part"/>, ignoring case.</summary>
    public abstract string ContainsIgnoringCase(string text, string part);

    /// <summary>An <c>ORDER BY</c> term that sorts <paramref name="text"/> alphabetically ignoring (ASCII) case, the same way on both databases.</summary>
    public abstract string OrderIgnoringCase(string text);

    /// <summary>An aggregate that joins the values of <paramref name="column"/> with commas.</summary>
    public abstract string JoinWithCommas(string column);

    /// <summary>An aggregate: the mean of the integer <paramref name="column"/>, rounded to two decimals, as a double.</summary>
    public abstract string AverageOfTwoDecimals(string column);

    /// <summary>What <paramref name="exception"/> means when it is a constraint violation; <see langword="null"/> for any other error.</summary>
    public abstract ConstraintConflict? Classify(Exception exception);

    /// <summary>Whether <paramref name="exception"/> says the database cannot be reached or used right now (and may be again soon).</summary>
    public abstract bool IsUnavailable(Exception exception);

    /// <summary>
    /// The dialect for <paramref name="setting"/>: a PostgreSQL connection string (one with <c>Host=</c>), or else the
    /// path of a SQLite file, relative to <paramref name="contentRoot"/>.
    /// </summary>
    public static SqlDialect For(string setting, string contentRoot)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(setting);
        return PostgresDialect.IsConnectionString(setting)
            ? new PostgresDialect(setting)
            : new SqliteDialect(System.IO.Path.Combine(contentRoot, setting));
    }
}

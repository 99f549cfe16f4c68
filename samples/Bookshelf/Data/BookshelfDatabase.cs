using System;
using System.Data.Common;
using System.Threading;
using System.Threading.Tasks;

namespace Bookshelf.Data;

/// <summary>
/// The database that holds the bookshelf, SQLite or PostgreSQL: opens connections to it, and creates, migrates and
/// seeds it at start-up.
/// </summary>
public sealed class BookshelfDatabase
{
    /// <summary>
    /// The configuration key of the database: a SQLite file's path, or a PostgreSQL connection string
    /// (<c>Host=…;Database=…;Username=…</c>).
    /// </summary>
    public const string PathKey = "Bookshelf:Database";

    /// <summary>The database file used when <see cref="PathKey"/> is not configured, relative to the content root.</summary>
    public const string DefaultPath = "bookshelf.db";

    /// <summary>Uses <paramref name="dialect"/>'s database; nothing is opened until a connection is asked for.</summary>
    public BookshelfDatabase(SqlDialect dialect)
    {
        Dialect = dialect;
    }

    /// <summary>Points at the SQLite file <paramref name="path"/>.</summary>
    public BookshelfDatabase(string path)
        : this(new SqliteDialect(path))
    {
    }

    /// <summary>The SQL that differs between the databases.</summary>
    public SqlDialect Dialect { get; }

    /// <summary>Opens a connection. Connections are pooled, so opening one per operation is cheap.</summary>
    public DbConnection Open()
    {
        var connection = Dialect.CreateConnection();
        connection.Open();
        return connection;
    }

    /// <summary>Opens a connection. Connections are pooled, so opening one per operation is cheap.</summary>
    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = Dialect.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    /// <summary>Runs the cheapest query there is; throws when the database cannot be reached or read.</summary>
    public void Ping()
    {
        using var connection = Open();
        connection.ExecuteInt64("SELECT 1");
    }

    /// <summary>Returns the pooled connections, so that the file (or the database) can be deleted.</summary>
    public void ClosePooledConnections() => Dialect.ClearPool();

    /// <summary>
    /// Brings the schema up to <see cref="Schema.Version"/>, running each migration the database has not had yet,
    /// and adds a few books when the shelf is new. Safe when several instances start at once.
    /// </summary>
    public void EnsureCreated(TimeProvider clock)
    {
        using var connection = Open();
        connection.Execute(Dialect.Prepare);
        Dialect.UpgradeUnversioned(connection);

        using var transaction = connection.BeginTransaction();
        connection.Execute(Dialect.LockSchema);
        connection.Execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);");
        var version = connection.ExecuteInt64("SELECT COALESCE(MAX(version), 0) FROM schema_version;");
        if (version > Schema.Version)
        {
            throw new InvalidOperationException(
                $"The database's schema is version {version}, newer than this app's {Schema.Version}: run a newer version of the app.");
        }

        for (var next = (int)version + 1; next <= Schema.Version; next++)
        {
            connection.Execute(Schema.Migration(next, Dialect));
        }

        if (version < Schema.Version)
        {
            connection.Execute("DELETE FROM schema_version;");
            connection.Execute("INSERT INTO schema_version (version) VALUES (@version);", ("@version", Schema.Version));
        }

        if (connection.ExecuteInt64("SELECT COUNT(*) FROM authors;") == 0)
        {
            Seed.Insert(connection, clock.GetUtcNow());
            connection.Execute(Dialect.AfterSeed);
        }

        transaction.Commit();
    }
}

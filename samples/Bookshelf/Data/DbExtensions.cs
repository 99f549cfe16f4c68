using System;
using System.Data.Common;
using System.Globalization;

namespace Bookshelf.Data;

/// <summary>Shorthands for the commands the stores run, so that each store method reads as its SQL.</summary>
/// <remarks>
/// Plain ADO.NET (<see cref="DbConnection"/>), so the same store code runs on SQLite and on PostgreSQL. Parameters
/// are written <c>@name</c>, which both providers understand.
/// </remarks>
internal static class DbExtensions
{
    /// <summary>Creates a command for <paramref name="sql"/> with the parameters <c>@name</c> = value.</summary>
    public static DbCommand Command(this DbConnection connection, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;

            // ADO.NET spells SQL NULL as DBNull, not null.
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Runs a statement that returns no rows; the number of rows it changed.</summary>
    public static int Execute(this DbConnection connection, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = connection.Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a query that returns one integer, such as a <c>COUNT(*)</c>, an <c>EXISTS</c> or a <c>RETURNING id</c>.</summary>
    /// <remarks>SQLite answers <c>EXISTS</c> with 0 or 1 and PostgreSQL with a boolean; both convert.</remarks>
    public static long ExecuteInt64(this DbConnection connection, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = connection.Command(sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Runs <paramref name="command"/>, a query that returns one integer.</summary>
    public static async System.Threading.Tasks.Task<long> ExecuteInt64Async(this DbCommand command, System.Threading.CancellationToken cancellationToken)
        => Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);

    /// <summary>Reads a nullable integer column.</summary>
    public static int? GetNullableInt32(this DbDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    /// <summary>Reads a nullable text column.</summary>
    public static string? GetNullableString(this DbDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Reads a timestamp: ISO 8601 text in SQLite, <c>timestamptz</c> in PostgreSQL.</summary>
    public static DateTimeOffset GetTimestamp(this DbDataReader reader, int ordinal)
        => reader.GetFieldValue<DateTimeOffset>(ordinal);
}

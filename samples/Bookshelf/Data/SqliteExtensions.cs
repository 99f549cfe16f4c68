using System;
using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Bookshelf.Data;

/// <summary>Shorthands for the commands the stores run, so that each store method reads as its SQL.</summary>
internal static class SqliteExtensions
{
    /// <summary>Creates a command for <paramref name="sql"/> with the parameters <c>$name</c> = value.</summary>
    public static SqliteCommand Command(this SqliteConnection connection, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            // ADO.NET spells SQL NULL as DBNull, not null.
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        }

        return command;
    }

    /// <summary>Runs a statement that returns no rows; the number of rows it changed.</summary>
    public static int Execute(this SqliteConnection connection, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = connection.Command(sql, parameters);
        return command.ExecuteNonQuery();
    }

    /// <summary>Runs a query that returns one integer, such as a <c>COUNT(*)</c> or a <c>RETURNING id</c>.</summary>
    public static long ExecuteInt64(this SqliteConnection connection, string sql, params ReadOnlySpan<(string Name, object? Value)> parameters)
    {
        using var command = connection.Command(sql, parameters);
        return Convert.ToInt64(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }

    /// <summary>Reads a nullable integer column.</summary>
    public static int? GetNullableInt32(this SqliteDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    /// <summary>Reads a nullable text column.</summary>
    public static string? GetNullableString(this SqliteDataReader reader, int ordinal)
        => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}

using System;
using System.Data.Common;

namespace Bookshelf.Data;

/// <summary>The few rows a new database starts with, so that the first <c>GET /books</c> has something to show.</summary>
internal static class Seed
{
    public static void Insert(DbConnection connection, DateTimeOffset now)
    {
        connection.Execute("""
            INSERT INTO authors (id, name, born_year) VALUES
                (1, 'Ursula K. Le Guin', 1929),
                (2, 'J. R. R. Tolkien', 1892),
                (3, 'Octavia E. Butler', 1947),
                (4, 'Mary Beard', 1955);

            INSERT INTO books (id, title, author_id, isbn, year, genre, added_at) VALUES
                (1, 'A Wizard of Earthsea', 1, '9780547773742', 1968, 'Fantasy', @now),
                (2, 'The Left Hand of Darkness', 1, '9780441478125', 1969, 'ScienceFiction', @now),
                (3, 'The Hobbit', 2, '9780547928227', 1937, 'Fantasy', @now),
                (4, 'Kindred', 3, '9780807083055', 1979, 'ScienceFiction', @now),
                (5, 'Parable of the Sower', 3, '9781538713464', 1993, 'ScienceFiction', @now),
                (6, 'SPQR', 4, '9781631492228', 2015, 'History', @now);

            INSERT INTO book_tags (book_id, tag) VALUES
                (1, 'classic'), (1, 'magic'),
                (2, 'classic'), (2, 'hugo'),
                (3, 'adventure'), (3, 'classic'),
                (4, 'time-travel'),
                (5, 'dystopia'),
                (6, 'rome');

            INSERT INTO shelves (id, name, name_key, description) VALUES
                (1, 'Favourites', 'favourites', 'Worth reading again'),
                (2, 'To read', 'to read', NULL);

            INSERT INTO shelf_books (shelf_id, book_id) VALUES (1, 1), (1, 3), (2, 5), (2, 6);

            INSERT INTO reviews (id, book_id, reviewer, rating, text, created_at) VALUES
                (1, 1, 'ana', 5, 'The best book about names ever written.', @now),
                (2, 3, 'ana', 4, 'Second breakfast, every time.', @now),
                (3, 3, 'ben', 5, NULL, @now),
                (4, 4, 'chen', 5, 'Unforgettable.', @now);
            """,
            ("@now", now));
    }
}

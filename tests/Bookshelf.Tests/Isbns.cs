using System.Globalization;
using System.Linq;

namespace Bookshelf.Tests;

/// <summary>Valid, made-up ISBN-13s for books that tests create, distinct per serial number.</summary>
internal static class Isbns
{
    /// <summary>The ISBN with hyphens, as a client would type it: <c>978-0-00-000042-?</c>.</summary>
    public static string Hyphenated(int serial)
    {
        var digits = Digits(serial);
        return $"{digits[..3]}-{digits[3]}-{digits[4..6]}-{digits[6..12]}-{digits[12]}";
    }

    /// <summary>The ISBN as the API stores and returns it: 13 digits.</summary>
    public static string Digits(int serial)
    {
        var body = "978000" + serial.ToString("D6", CultureInfo.InvariantCulture);
        var sum = body.Select((c, i) => (c - '0') * (i % 2 == 0 ? 1 : 3)).Sum();
        return body + ((10 - (sum % 10)) % 10).ToString(CultureInfo.InvariantCulture);
    }
}

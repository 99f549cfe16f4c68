namespace Bookshelf.Models;

/// <summary>An antiforgery token and where to send it: the header or the form field of that name.</summary>
public sealed record AntiforgeryToken(string Token, string HeaderName, string FormFieldName);

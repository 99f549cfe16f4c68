using System;
using System.Collections.Generic;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Bookshelf.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Resourceful;

namespace Bookshelf.Resources;

/// <summary>A book's cover image: <c>/books/{id}/cover</c>, uploaded as a multipart form and served back as an image.</summary>
/// <remarks>
/// The upload is a form, so the endpoint requires an antiforgery token (as a minimal API's would): get one from
/// <c>GET /antiforgery/token</c> and send it as the <c>__RequestVerificationToken</c> form field with its cookie.
/// Uploading is a write, so it needs a bearer token too; an antiforgery token belongs to the identity that asked for
/// it, so ask for it with the same bearer token.
/// A resource of its own, so the books' JSON handlers and this form handler do not share one (RSF0108).
/// </remarks>
[Resource("/books/{id:int}/cover")]
public sealed partial class Covers(CoverStore covers)
{
    /// <summary>The largest cover accepted, in bytes.</summary>
    public const int MaxCoverBytes = 2 * 1024 * 1024;

    // The image types accepted, each with the bytes its files start with.
    private static readonly Dictionary<string, byte[][]> Signatures = new(StringComparer.OrdinalIgnoreCase)
    {
        ["image/png"] = [[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]],
        ["image/jpeg"] = [[0xFF, 0xD8, 0xFF]],
        ["image/gif"] = ["GIF87a"u8.ToArray(), "GIF89a"u8.ToArray()],
        ["image/webp"] = ["RIFF"u8.ToArray()],
    };

    /// <summary>
    /// <c>PUT /books/42/cover</c>, <c>multipart/form-data</c> with the image in the field <c>cover</c>: stores it
    /// (PNG, JPEG, WebP or GIF, at most 2 MiB), replacing any earlier one.
    /// </summary>
    /// <param name="id">The book.</param>
    /// <param name="cover">The image file, from the form field <c>cover</c>.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    [Put(MaxBodySize = MaxCoverBytes + 64 * 1024)]
    [Authorize]
    [SuppressMessage("Resourceful.Http", "RSF0103", Justification = "A book has one cover: /books/{id}/cover identifies it by the book's id.")]
    public async Task<Results<NoContent, NotFound, ValidationProblem, ProblemHttpResult>> Replace(int id, IFormFile cover, CancellationToken cancellationToken)
    {
        if (cover.Length > MaxCoverBytes)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status413PayloadTooLarge,
                title: "Content Too Large",
                detail: $"A cover is at most {MaxCoverBytes} bytes; this one has {cover.Length}.");
        }

        var contentType = cover.ContentType;
        if (!Signatures.TryGetValue(contentType, out var signatures))
        {
            return Invalid($"A cover is image/png, image/jpeg, image/webp or image/gif, not '{contentType}'.");
        }

        var bytes = new byte[cover.Length];
        await using (var stream = cover.OpenReadStream())
        {
            await stream.ReadExactlyAsync(bytes, cancellationToken);
        }

        if (!StartsWithAny(bytes, signatures) || (contentType.Equals("image/webp", StringComparison.OrdinalIgnoreCase) && !IsWebp(bytes)))
        {
            return Invalid($"The file is not a {contentType} image.");
        }

        return await covers.SaveAsync(id, contentType.ToLowerInvariant(), bytes, cancellationToken)
            ? TypedResults.NoContent()
            : TypedResults.NotFound();
    }

    /// <summary><c>GET /books/42/cover</c>: the cover image, with its media type; 404 when the book has none.</summary>
    /// <param name="id">The book.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away.</param>
    [Get]
    public async Task<Results<FileContentHttpResult, NotFound>> Find(int id, CancellationToken cancellationToken) =>
        await covers.FindAsync(id, cancellationToken) is { } found
            ? TypedResults.File(found.Bytes, found.ContentType)
            : TypedResults.NotFound();

    private static ValidationProblem Invalid(string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["cover"] = [message] });

    private static bool StartsWithAny(byte[] bytes, byte[][] signatures)
    {
        foreach (var signature in signatures)
        {
            if (bytes.AsSpan().StartsWith(signature))
            {
                return true;
            }
        }

        return false;
    }

    // RIFF, a length, then WEBP.
    private static bool IsWebp(byte[] bytes) => bytes.Length >= 12 && bytes.AsSpan(8, 4).SequenceEqual("WEBP"u8);
}

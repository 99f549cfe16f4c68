using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Resourceful.Benchmarks.Server.Minimal;

/// <summary>
/// The minimal-API variant. The project sets <c>EnableRequestDelegateGenerator</c>, so each <c>Map*</c> call
/// below is intercepted by the Request Delegate Generator's compile-time code instead of RequestDelegateFactory.
/// </summary>
public static class MinimalItems
{
    /// <summary>Maps <c>/min/items</c>: the same handlers as the generated variant, plus its OPTIONS answers.</summary>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(
            "/min/items/{id:int}",
            static Results<Ok<Item>, NotFound> (int id, [FromServices] ItemStore store) =>
                store.Find(id) is { } item ? TypedResults.Ok(item) : TypedResults.NotFound());

        // A multipart file upload, measured against the generated POST /gen/uploads; no antiforgery on either.
        endpoints.MapPost("/min/uploads", static (IFormFile file) => file.Length.ToString(CultureInfo.InvariantCulture))
            .DisableAntiforgery();

        endpoints.MapPost(
            "/min/items",
            static (NewItem item, [FromServices] ItemStore store) =>
            {
                var created = store.Add(item);
                return TypedResults.Created("/min/items/" + created.Id.ToString(CultureInfo.InvariantCulture), created);
            });

        // What the generated variant answers by itself: 204 with the path's Allow list.
        endpoints.MapMethods(
            "/min/items/{id:int}",
            [HttpMethods.Options],
            static (HttpResponse response) =>
            {
                response.Headers.Allow = Allow.ItemPath;
                response.StatusCode = StatusCodes.Status204NoContent;
            });

        endpoints.MapMethods(
            "/min/items",
            [HttpMethods.Options],
            static (HttpResponse response) =>
            {
                response.Headers.Allow = Allow.CollectionPath;
                response.StatusCode = StatusCodes.Status204NoContent;
            });
    }
}

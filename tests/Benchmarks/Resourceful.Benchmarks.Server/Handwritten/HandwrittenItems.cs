using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Resourceful.Benchmarks.Server.Handwritten;

/// <summary>
/// The floor: plain <see cref="RequestDelegate"/>s that do only what the handlers need, written against
/// <see cref="HttpContext"/> directly. JSON metadata is resolved once at start-up, as generated code does.
/// </summary>
public static class HandwrittenItems
{
    /// <summary>Maps <c>/raw/items</c> through the <see cref="RequestDelegate"/> overloads, which no generator intercepts.</summary>
    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var options = endpoints.ServiceProvider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        var handlers = new Handlers(
            (JsonTypeInfo<Item>)options.GetTypeInfo(typeof(Item)),
            (JsonTypeInfo<NewItem>)options.GetTypeInfo(typeof(NewItem)));

        // Typed as RequestDelegate so overload resolution can never pick the Delegate overloads that the RDG intercepts.
        RequestDelegate find = handlers.FindAsync;
        RequestDelegate add = handlers.AddAsync;
        RequestDelegate itemOptions = Handlers.ItemOptionsAsync;
        RequestDelegate collectionOptions = Handlers.CollectionOptionsAsync;
        endpoints.MapGet("/raw/items/{id:int}", find);
        endpoints.MapPost("/raw/items", add);
        endpoints.MapMethods("/raw/items/{id:int}", [HttpMethods.Options], itemOptions);
        endpoints.MapMethods("/raw/items", [HttpMethods.Options], collectionOptions);
    }

    private sealed class Handlers(JsonTypeInfo<Item> itemInfo, JsonTypeInfo<NewItem> newItemInfo)
    {
        public Task FindAsync(HttpContext httpContext)
        {
            if (!int.TryParse(httpContext.Request.RouteValues["id"] as string, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id))
            {
                httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
                return Task.CompletedTask;
            }

            var item = httpContext.RequestServices.GetRequiredService<ItemStore>().Find(id);
            if (item is null)
            {
                httpContext.Response.StatusCode = StatusCodes.Status404NotFound;
                return Task.CompletedTask;
            }

            return httpContext.Response.WriteAsJsonAsync(item, itemInfo, contentType: null, httpContext.RequestAborted);
        }

        public async Task AddAsync(HttpContext httpContext)
        {
            var request = httpContext.Request;
            if (!request.HasJsonContentType())
            {
                httpContext.Response.StatusCode = StatusCodes.Status415UnsupportedMediaType;
                return;
            }

            NewItem? input;
            try
            {
                input = await request.ReadFromJsonAsync(newItemInfo, httpContext.RequestAborted);
            }
            catch (JsonException)
            {
                httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            if (input is null)
            {
                httpContext.Response.StatusCode = StatusCodes.Status400BadRequest;
                return;
            }

            var created = httpContext.RequestServices.GetRequiredService<ItemStore>().Add(input);
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status201Created;
            response.Headers.Location = "/raw/items/" + created.Id.ToString(CultureInfo.InvariantCulture);
            await response.WriteAsJsonAsync(created, itemInfo, contentType: null, httpContext.RequestAborted);
        }

        public static Task ItemOptionsAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Allow = Allow.ItemPath;
            httpContext.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }

        public static Task CollectionOptionsAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.Allow = Allow.CollectionPath;
            httpContext.Response.StatusCode = StatusCodes.Status204NoContent;
            return Task.CompletedTask;
        }
    }
}

using System;
using System.Text;
using Microsoft.AspNetCore.Http;
using Resourceful.Benchmarks.Server;

namespace Resourceful.Benchmarks.Requests;

/// <summary>The requests that every variant answers, under its own path prefix.</summary>
public enum RequestCase
{
    /// <summary><c>GET /{v}/items/1</c> → 200 JSON.</summary>
    GetItem,

    /// <summary><c>GET /{v}/items/0</c> → 404.</summary>
    GetMissing,

    /// <summary><c>POST /{v}/items</c> with a JSON body → 201 with <c>Location</c>.</summary>
    PostItem,

    /// <summary><c>OPTIONS /{v}/items/1</c> → 204 with <c>Allow</c>.</summary>
    Options,

    /// <summary><c>DELETE /{v}/items/1</c>, a method the path does not declare → 405.</summary>
    MethodNotAllowed,

    /// <summary>
    /// <c>OPTIONS /{v}/items</c> → 204 with <c>Allow</c>: a path without route values, so routing itself allocates
    /// nothing and the figure is the endpoint's own.
    /// </summary>
    OptionsNoRouteValues,

    /// <summary><c>DELETE /{v}/items</c> → 405: a path without route values, as above.</summary>
    MethodNotAllowedNoRouteValues,
}

/// <summary>What each <see cref="RequestCase"/> sends and what every variant must answer.</summary>
internal static class RequestCases
{
    public static readonly byte[] PostBody = Encoding.UTF8.GetBytes("""{"name":"Widget","price":12.5}""");

    public static ReusableHttpContext CreateContext(IServiceProvider services, RequestCase requestCase, Variants variant)
    {
        var prefix = "/" + VariantNames.Prefix(variant) + "/items";
        return requestCase switch
        {
            RequestCase.GetItem => new ReusableHttpContext(services, HttpMethods.Get, prefix + "/1"),
            RequestCase.GetMissing => new ReusableHttpContext(services, HttpMethods.Get, prefix + "/" + ItemStore.MissingId),
            RequestCase.PostItem => new ReusableHttpContext(services, HttpMethods.Post, prefix, PostBody, "application/json"),
            RequestCase.Options => new ReusableHttpContext(services, HttpMethods.Options, prefix + "/1"),
            RequestCase.MethodNotAllowed => new ReusableHttpContext(services, HttpMethods.Delete, prefix + "/1"),
            RequestCase.OptionsNoRouteValues => new ReusableHttpContext(services, HttpMethods.Options, prefix),
            RequestCase.MethodNotAllowedNoRouteValues => new ReusableHttpContext(services, HttpMethods.Delete, prefix),
            _ => throw new ArgumentOutOfRangeException(nameof(requestCase), requestCase, null),
        };
    }

    /// <summary>
    /// Fails when a variant answers a case differently from the others, so that no figure ever compares a
    /// success with a failure.
    /// </summary>
    public static void Verify(RequestCase requestCase, Variants variant, ReusableHttpContext context)
    {
        var response = context.Context.Response;
        var expected = requestCase switch
        {
            RequestCase.GetItem => StatusCodes.Status200OK,
            RequestCase.GetMissing => StatusCodes.Status404NotFound,
            RequestCase.PostItem => StatusCodes.Status201Created,
            RequestCase.Options or RequestCase.OptionsNoRouteValues => StatusCodes.Status204NoContent,
            _ => StatusCodes.Status405MethodNotAllowed,
        };

        string? problem = null;
        if (response.StatusCode != expected)
        {
            problem = $"status {response.StatusCode}, expected {expected}";
        }
        else if (requestCase is RequestCase.GetItem or RequestCase.PostItem && context.ResponseBodyLength == 0)
        {
            problem = "an empty body, expected the item as JSON";
        }
        else if (requestCase == RequestCase.PostItem && string.IsNullOrEmpty(response.Headers.Location))
        {
            problem = "no Location header";
        }
        else if (requestCase == RequestCase.Options && response.Headers.Allow != Allow.ItemPath)
        {
            problem = $"Allow '{response.Headers.Allow}', expected '{Allow.ItemPath}'";
        }
        else if (requestCase == RequestCase.OptionsNoRouteValues && response.Headers.Allow != Allow.CollectionPath)
        {
            problem = $"Allow '{response.Headers.Allow}', expected '{Allow.CollectionPath}'";
        }

        if (problem is not null)
        {
            throw new InvalidOperationException($"{variant} answered {requestCase} with {problem}.");
        }
    }
}

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Text.Json;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Resourceful.Http.Tests.Hosting;

/// <summary>
/// The app with antiforgery as a form app has it (<c>AddAntiforgery()</c> + <c>UseAntiforgery()</c>), every resource
/// mapped, and next to them minimal APIs' own form endpoints as the oracle: <c>GET /oracle/token</c> issues a token
/// and its cookie, <c>POST /oracle/upload</c> takes an <c>IFormFile</c>, <c>POST /oracle/fields</c> a <c>[FromForm]</c> value.
/// </summary>
public static class FormHost
{
    public static Task<ResourceHost> StartAsync(bool antiforgery = true, bool kestrel = false, Action<WebApplicationBuilder>? configure = null) =>
        ResourceHost.StartAsync(
            app =>
            {
                if (antiforgery)
                {
                    app.UseAntiforgery();
                }

                app.MapResources();
                app.MapGet("/oracle/token", static (IAntiforgery af, HttpContext context) =>
                {
                    var tokens = af.GetAndStoreTokens(context);
                    return tokens.RequestToken!;
                });
                app.MapPost("/oracle/upload", static (IFormFile file) => file.FileName);
                app.MapPost("/oracle/fields", static ([Microsoft.AspNetCore.Mvc.FromForm] string name) => name);
            },
            kestrel,
            builder =>
            {
                builder.Services.AddAntiforgery();
                configure?.Invoke(builder);
            });

    /// <summary>A token and its cookie, as a browser holds them after a page that rendered the form.</summary>
    public static async Task<(string Token, string Cookie)> TokenAsync(HttpClient client)
    {
        using var response = await client.GetAsync("/oracle/token");
        Assert.True(response.IsSuccessStatusCode, $"token: {(int)response.StatusCode}");
        var cookie = string.Join("; ", Cookies(response));
        return (await response.Content.ReadAsStringAsync(), cookie);
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response)
    {
        foreach (var header in response.Headers.GetValues("Set-Cookie"))
        {
            yield return header.Split(';', 2)[0];
        }
    }

    /// <summary>A request carrying <paramref name="content"/>, with the antiforgery cookie and, when given, the token as a form field.</summary>
    public static HttpRequestMessage Post(string path, HttpContent content, string? cookie = null, HttpMethod? method = null)
    {
        var request = new HttpRequestMessage(method ?? HttpMethod.Post, path) { Content = content };
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", cookie);
        }

        return request;
    }

    public static string Field(JsonDocument problem, string name) =>
        problem.RootElement.GetProperty("errors").GetProperty(name)[0].GetString()!;
}

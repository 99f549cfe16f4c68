using System;
using System.Diagnostics.CodeAnalysis;
using System.IO;
using Bookshelf.Data;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Bookshelf;

/// <summary>Builds the Bookshelf API: its services, its database and its endpoints.</summary>
/// <remarks>Program.cs runs what this builds; tests build it too, and host it in-process.</remarks>
public static class BookshelfApp
{
    /// <summary>Where the app listens when no URL is configured (<c>--urls</c>, <c>ASPNETCORE_URLS</c>, <c>ASPNETCORE_HTTP_PORTS</c>, Kestrel endpoints).</summary>
    public const string DefaultUrl = "http://localhost:5080";

    /// <summary>Builds the app, ready to run: the database exists and every resource is mapped.</summary>
    /// <param name="args">The command line, as configuration (<c>--urls</c>, <c>--Bookshelf:Database</c>, …).</param>
    /// <param name="configure">
    /// Runs after the app's own services are registered and before the app is built, so it can replace a service,
    /// set configuration or choose the server (tests call <c>UseTestServer()</c> here).
    /// </param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(args);

        // Every body goes through the source-generated context: no reflection, so Native AOT works.
        builder.Services.ConfigureHttpJsonOptions(options =>
            options.SerializerOptions.TypeInfoResolverChain.Insert(0, BookshelfJsonContext.Default));

        // Error responses are RFC 9457 problem details, including 404/409 answers that carry no body of their own.
        builder.Services.AddProblemDetails();

        // A write that loses a race to a UNIQUE or REFERENCES constraint is a 409, an unreachable database or
        // Redis a 503, not a 500 (see the handler).
        builder.Services.AddExceptionHandler<DataExceptionHandler>();

        // ASP.NET Core's OpenAPI document, built at run time from endpoint metadata (served at /openapi/v1.json).
        // AddResourcefulOperations() (generated) adds the QUERY handlers, which ASP.NET Core 10 leaves out, under
        // each path's x-oai-additionalOperations, as the compile-time document has them.
        builder.Services.AddOpenApi(options => options.AddResourcefulOperations());

        // Writes need a JWT bearer token, deletes one with the role "admin" ([Authorize] on the handlers). The
        // scheme reads Authentication:Schemes:Bearer from configuration: issuer, audiences and signing keys, which
        // `dotnet user-jwts create` writes for development (see the README).
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        builder.Services.AddAuthorization();

        // Data protection under one application name, and with Bookshelf:Redis its key ring and the distributed
        // cache in Redis: what several instances behind a load balancer must share (docs/deployment.md).
        builder.AddBookshelfSharedState();

        // The reading list lives in the session, which lives in the distributed cache: Redis with Bookshelf:Redis
        // (registered above), so every instance sees the same sessions; else in memory (TryAdd: it never replaces
        // Redis), one instance only. The session cookie keeps ASP.NET Core's name, .AspNetCore.Session.
        builder.Services.AddDistributedMemoryCache();
        AddSessions(builder.Services);

        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(services => new BookshelfDatabase(SqlDialect.For(
            DatabaseSetting(services.GetRequiredService<IConfiguration>()),
            services.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        builder.Services.AddSingleton<AuthorStore>();
        builder.Services.AddSingleton<BookStore>();
        builder.Services.AddSingleton<ShelfStore>();
        builder.Services.AddSingleton<ReviewStore>();
        builder.Services.AddSingleton<CoverStore>();

        // Form endpoints (the cover upload) require an antiforgery token, as minimal APIs' do.
        builder.Services.AddAntiforgery();

        configure?.Invoke(builder);

        if (!HasConfiguredUrls(builder.Configuration))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        var app = builder.Build();

        app.Services.GetRequiredService<BookshelfDatabase>().EnsureCreated(app.Services.GetRequiredService<TimeProvider>());

        app.UseExceptionHandler();
        app.UseStatusCodePages();

        // Before the endpoints: a 401 or 403 is answered before any binding, so a malformed body cannot reveal more.
        app.UseAuthentication();
        app.UseAuthorization();

        // Before the endpoints: handlers that take ISession (the reading list) need it.
        app.UseSession();

        // Checks the token of every form request (a missing or invalid one answers 400).
        app.UseAntiforgery();

        // Generated by Resourceful: maps every [Resource] class of this assembly.
        app.MapResources();

        // Two OpenAPI documents of the same API: ASP.NET Core's, described at run time, and the one Resourceful's
        // generator wrote at compile time (also in obj/.../resources.openapi.json), served as a constant.
        app.MapOpenApi();
        app.MapResourcesOpenApi();

        return app;
    }

    /// <summary>ASP.NET Core's sessions, with their default options.</summary>
    /// <remarks>
    /// <c>AddSession()</c> carries ASP.NET Core's blanket "not supported with trimming or native AOT" annotation; with its
    /// default options it reads nothing through reflection (the session cookie is protected by Data Protection, as the
    /// antiforgery cookie is in AOT apps). The AOT publish of this sample (tests/Aot) runs the reading list to check it.
    /// </remarks>
    [UnconditionalSuppressMessage("Trimming", "IL2026", Justification = "Session state with default options; exercised by the AOT publish check.")]
    private static void AddSessions(IServiceCollection services) => services.AddSession();

    /// <summary>
    /// The database: <c>Bookshelf:Database</c>, or <c>bookshelf.db</c>. A PostgreSQL connection string (with
    /// <c>Host=</c>) selects PostgreSQL; anything else is a SQLite file, a relative path being under the content root.
    /// </summary>
    private static string DatabaseSetting(IConfiguration configuration)
    {
        var setting = configuration[BookshelfDatabase.PathKey];
        return string.IsNullOrWhiteSpace(setting) ? BookshelfDatabase.DefaultPath : setting;
    }

    /// <summary>Whether the configuration already says where to listen, which then wins over <see cref="DefaultUrl"/>.</summary>
    private static bool HasConfiguredUrls(IConfiguration configuration)
        => !string.IsNullOrEmpty(configuration[WebHostDefaults.ServerUrlsKey])
            || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpPortsKey])
            || !string.IsNullOrEmpty(configuration[WebHostDefaults.HttpsPortsKey])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
}

using Microsoft.CodeAnalysis;

namespace Resourceful.Generators.Diagnostics;

/// <summary>
/// Every diagnostic Resourceful reports, in one table. Ids are grouped by family and never reused:
/// <c>RSF00xx</c> usage, <c>RSF01xx</c> HTTP semantics, <c>RSF02xx</c> URI design, <c>RSF03xx</c> results,
/// <c>RSF04xx</c> security. Each id has a page under <c>docs/diagnostics/</c> and a line in
/// <c>AnalyzerReleases.Unshipped.md</c>; a test checks both.
/// </summary>
internal static class DiagnosticDescriptors
{
    public const string UsageCategory = "Resourceful.Usage";
    public const string HttpCategory = "Resourceful.Http";
    public const string DesignCategory = "Resourceful.Design";
    public const string SecurityCategory = "Resourceful.Security";

    /// <summary>Built from the repository URL that the package declares (RepositoryInfo.g.cs, written by the project).</summary>
    private const string HelpLinkBase = RepositoryInfo.Url + "/blob/main/docs/diagnostics/";

    // ---- RSF00xx usage: the generator cannot generate what the user wrote ----
    // Those that mean "not mapped" are NotConfigurable: no severity setting, #pragma or [SuppressMessage] can turn an
    // endpoint that answers 404 into a silent one. RSF0001/RSF0002 (no Links class) and RSF0015 (a warning) stay
    // configurable.

    public static readonly DiagnosticDescriptor ResourceNotPartial = new(
        id: DiagnosticIds.ResourceNotPartial,
        title: "Resource classes must be partial",
        messageFormat: "Resource class '{0}' is not partial, so the generator cannot add its Links class; add the 'partial' modifier",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.ResourceNotPartial));

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = new(
        id: DiagnosticIds.ContainingTypeNotPartial,
        title: "Types that contain a resource must be partial",
        messageFormat: "Resource class '{0}' is nested in '{1}', which is not partial, so the generator cannot add '{0}.Links'; make '{1}' partial",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.ContainingTypeNotPartial));

    public static readonly DiagnosticDescriptor ResourceIsGeneric = new(
        id: DiagnosticIds.ResourceIsGeneric,
        title: "Resource classes cannot be generic",
        messageFormat: "Resource class '{0}' {1}, so the generator cannot create or map it; move its handlers to a non-generic class",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.ResourceIsGeneric),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    public static readonly DiagnosticDescriptor ResourceIsAbstract = new(
        id: DiagnosticIds.ResourceIsAbstract,
        title: "Resource classes cannot be abstract",
        messageFormat: "Resource class '{0}' is abstract, so no instance can be created per request and its instance handlers are not mapped; remove 'abstract', or make the class static",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.ResourceIsAbstract),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    public static readonly DiagnosticDescriptor ResourceNotAccessible = new(
        id: DiagnosticIds.ResourceNotAccessible,
        title: "Resource classes must be visible to their assembly",
        messageFormat: "Resource class '{0}' is {1}, so the generated endpoints cannot reach it and it is not mapped; make it internal or public",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.ResourceNotAccessible),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    public static readonly DiagnosticDescriptor ResourceIsFileLocal = new(
        id: DiagnosticIds.ResourceIsFileLocal,
        title: "Resource classes cannot be file-local",
        messageFormat: "Resource class '{0}' is declared 'file', so the generated endpoints, in another file, cannot name it and it is not mapped; make it internal or public",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.ResourceIsFileLocal),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    public static readonly DiagnosticDescriptor MethodAttributeOutsideResource = new(
        id: DiagnosticIds.MethodAttributeOutsideResource,
        title: "HTTP method attributes are only read in [Resource] classes",
        messageFormat: "'{0}' is marked [{1}] but '{2}' has no [Resource], so the attribute is ignored and no endpoint is generated; add [Resource(\"...\")] to '{2}'",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.MethodAttributeOutsideResource),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    public static readonly DiagnosticDescriptor HandlerNotPublic = new(
        id: DiagnosticIds.HandlerNotPublic,
        title: "Handlers must be public",
        messageFormat: "Handler '{0}' is {1}, so the generator skips it; make it public",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.HandlerNotPublic),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    public static readonly DiagnosticDescriptor HandlerIsGeneric = new(
        id: DiagnosticIds.HandlerIsGeneric,
        title: "Handlers cannot be generic",
        messageFormat: "Handler '{0}' is generic, so the generator cannot choose its type arguments and skips it; remove its type parameters",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.HandlerIsGeneric),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    public static readonly DiagnosticDescriptor HandlerParameterByReference = new(
        id: DiagnosticIds.HandlerParameterByReference,
        title: "Handler parameters cannot be ref, out, in or params",
        messageFormat: "Parameter '{0}' of handler '{1}' is declared '{2}', so the generator skips the handler; take the value as a plain parameter",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.HandlerParameterByReference),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    public static readonly DiagnosticDescriptor HandlerReturnNotSupported = new(
        id: DiagnosticIds.HandlerReturnNotSupported,
        title: "Handler return type is not supported",
        messageFormat: "Handler '{0}' {1}, so the generator skips it; {2}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.HandlerReturnNotSupported),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    public static readonly DiagnosticDescriptor InvalidRouteTemplate = new(
        id: DiagnosticIds.InvalidRouteTemplate,
        title: "Route template is invalid",
        messageFormat: "Route template '{0}' is invalid: {1}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.InvalidRouteTemplate),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    public static readonly DiagnosticDescriptor DuplicateEndpoint = new(
        id: DiagnosticIds.DuplicateEndpoint,
        title: "The same method and path are handled twice",
        messageFormat: "'{0} {1}' is handled by both '{2}' and '{3}', so every such request fails as an ambiguous match; change the template or the method of one of them",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.DuplicateEndpoint),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    public static readonly DiagnosticDescriptor DuplicateEndpointAcrossResources = new(
        id: DiagnosticIds.DuplicateEndpointAcrossResources,
        title: "Two resources handle the same method and path",
        messageFormat: "'{0} {1}' is handled by both '{2}' and '{3}', so every such request fails as an ambiguous match; change the template or the method of one of them",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.DuplicateEndpointAcrossResources),
        customTags: [WellKnownDiagnosticTags.NotConfigurable, WellKnownDiagnosticTags.CompilationEnd]);

    public static readonly DiagnosticDescriptor RouteParameterNotBound = new(
        id: DiagnosticIds.RouteParameterNotBound,
        title: "Route parameter has no handler parameter",
        messageFormat: "Route parameter '{0}' of '{1}' is not bound by any parameter of handler '{2}', so its value is ignored; add a parameter named '{0}'",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.RouteParameterNotBound));

    public static readonly DiagnosticDescriptor FromRouteNotInTemplate = new(
        id: DiagnosticIds.FromRouteNotInTemplate,
        title: "Route-bound parameter is not in the template",
        messageFormat: "Parameter '{0}' of handler '{1}' reads route value '{2}', which '{3}' does not declare, so the generator skips the handler; add '{{{2}}}' to the template or rename the parameter",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.FromRouteNotInTemplate),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    public static readonly DiagnosticDescriptor ParameterCannotBind = new(
        id: DiagnosticIds.ParameterCannotBind,
        title: "Handler parameter cannot be bound",
        messageFormat: "Parameter '{0}' of handler '{1}' cannot be bound: {2}; the generator skips the handler",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.ParameterCannotBind),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    public static readonly DiagnosticDescriptor MultipleBodies = new(
        id: DiagnosticIds.MultipleBodies,
        title: "A handler reads at most one body",
        messageFormat: "Handler '{0}' reads the request body into '{1}' and '{2}', but a request has one body, so the generator skips the handler; combine them into one type, or mark the others [FromServices] or [FromQuery]",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.MultipleBodies),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    public static readonly DiagnosticDescriptor ResourceCannotBeConstructed = new(
        id: DiagnosticIds.ResourceCannotBeConstructed,
        title: "Resource cannot be created from services",
        messageFormat: "Resource class '{0}' cannot be created per request: {1}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.ResourceCannotBeConstructed),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    public static readonly DiagnosticDescriptor HandlerNotMapped = new(
        id: DiagnosticIds.HandlerNotMapped,
        title: "Handler is not mapped",
        messageFormat: "Handler '{0}' is marked [{1}] but the generator cannot map it; compare its signature with the handler rules on this diagnostic's page",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.HandlerNotMapped),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    public static readonly DiagnosticDescriptor HandlerObsoleteError = new(
        id: DiagnosticIds.HandlerObsoleteError,
        title: "Obsolete-as-error handlers are not mapped",
        messageFormat: "Handler '{0}' is marked [Obsolete] as an error, so generated code cannot call it and the generator skips it; remove its [{1}] attribute to retire the endpoint, or make the [Obsolete] a warning to keep serving it",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.HandlerObsoleteError),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    /// <summary>Reported by the generator itself (not an analyzer), so it fails the build even with analyzers off.</summary>
    public static readonly DiagnosticDescriptor LibraryResourcesNotMapped = new(
        id: DiagnosticIds.LibraryResourcesNotMapped,
        title: "Resources of a referenced assembly cannot be mapped",
        messageFormat: "MapResources() cannot map the resources of the referenced assembly '{0}': {1}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.LibraryResourcesNotMapped),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    public static readonly DiagnosticDescriptor VersionTypeNotSupported = new(
        id: DiagnosticIds.VersionTypeNotSupported,
        title: "A version property has a type no ETag is derived from",
        messageFormat: "'{0}.{1}' is marked [{2}] but is of type '{3}': handler '{4}' answers without an ETag; make the version an integer, Guid, string, byte[], DateTime or DateTimeOffset",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.VersionTypeNotSupported));
    public static readonly DiagnosticDescriptor RepresentationNotSupported = new(
        id: DiagnosticIds.RepresentationNotSupported,
        title: "[ResponseCache] or [SparseFieldsets] cannot be honoured at compile time",
        messageFormat: "{0} on '{1}' cannot be honoured at compile time: {2}",
        category: UsageCategory,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.RepresentationNotSupported),
        customTags: WellKnownDiagnosticTags.NotConfigurable);

    // ---- RSF01xx HTTP semantics ----

    public static readonly DiagnosticDescriptor BodyOnBodylessMethod = new(
        id: DiagnosticIds.BodyOnBodylessMethod,
        title: "GET, HEAD and DELETE requests carry no body",
        messageFormat: "Parameter '{0}' of handler '{1}' is read as request content on {2}, but content in a {2} request has no defined semantics (RFC 9110 {3}); bind it from the query instead",
        category: HttpCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.BodyOnBodylessMethod));

    public static readonly DiagnosticDescriptor GetChangesState = new(
        id: DiagnosticIds.GetChangesState,
        title: "GET and QUERY handlers must not change state",
        messageFormat: "{2} handler '{0}' is named for an action that changes state, but {2} is safe and clients, caches and crawlers repeat or prefetch it freely (RFC 9110 §9.2.1); handle it with [{1}]",
        category: HttpCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.GetChangesState));

    public static readonly DiagnosticDescriptor TargetNotOneResource = new(
        id: DiagnosticIds.TargetNotOneResource,
        title: "PUT and DELETE act on one identified resource",
        messageFormat: "{0} handler '{1}' acts on '{2}', whose last segment has no route value, so it does not identify one resource (RFC 9110 {3}); add the resource's id, such as '{{id}}', to the template",
        category: HttpCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.TargetNotOneResource));

    public static readonly DiagnosticDescriptor CreateWithoutCreated = new(
        id: DiagnosticIds.CreateWithoutCreated,
        title: "A POST that creates answers 201 Created",
        messageFormat: "POST handler '{0}' creates a resource but answers 200 OK; answer 201 Created with the new resource's Location (RFC 9110 §9.3.3, §15.3.2), such as {1}",
        category: HttpCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.CreateWithoutCreated));

    public static readonly DiagnosticDescriptor LostUpdate = new(
        id: DiagnosticIds.LostUpdate,
        title: "A write to a versioned resource checks the version it replaces",
        messageFormat: "{0} handler '{1}' changes a versioned resource without a precondition: two clients writing at once both succeed and the first write is lost; take a 'Preconditions' parameter and answer 412 when it does not allow the current version, or set RequireIfMatch = true (RFC 9110 §13.1.1)",
        category: HttpCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.LostUpdate));
    public static readonly DiagnosticDescriptor ResponseCacheOnUnsafeMethod = new(
        id: DiagnosticIds.ResponseCacheOnUnsafeMethod,
        title: "[ResponseCache] belongs on GET handlers",
        messageFormat: "[ResponseCache] on {0} handler '{1}' writes no header: responses to {0} are not reused from a cache (RFC 9111 §2, RFC 9110 §9.3); put it on the GET handler",
        category: HttpCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.ResponseCacheOnUnsafeMethod));
    public static readonly DiagnosticDescriptor FormOnBodylessMethod = new(
        id: DiagnosticIds.FormOnBodylessMethod,
        title: "GET and DELETE requests carry no form",
        messageFormat: "Parameter '{0}' of handler '{1}' is read from a form on {2}, but a {2} request carries no content with defined semantics (RFC 9110 {3}), and a browser sends a {2} form as a query string; bind it from the query, or take the form on POST",
        category: HttpCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.FormOnBodylessMethod));

    public static readonly DiagnosticDescriptor FormAcceptsUnsaid = new(
        id: DiagnosticIds.FormAcceptsUnsaid,
        title: "A form handler beside JSON handlers says which media types it accepts",
        messageFormat: "Handler '{0}' reads a form while '{1}' of the same resource reads JSON; say which media types '{0}' accepts with [Consumes({2})], so clients and the OpenAPI documents do not assume JSON",
        category: HttpCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.FormAcceptsUnsaid));

    // ---- RSF02xx URI design ----

    public static readonly DiagnosticDescriptor VerbInPath = new(
        id: DiagnosticIds.VerbInPath,
        title: "Path segments name resources, not actions",
        messageFormat: "Path segment '{0}' of '{1}' is the verb '{2}'; name the resource with a noun and let the HTTP method say what happens, such as '{3}'",
        category: DesignCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.VerbInPath));

    public static readonly DiagnosticDescriptor UppercaseInPath = new(
        id: DiagnosticIds.UppercaseInPath,
        title: "Path segments should be lower case",
        messageFormat: "Path segment '{0}' of '{1}' has upper-case letters, and clients and caches compare paths case-sensitively (RFC 3986 §6.2.2.1); use '{2}'",
        category: DesignCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.UppercaseInPath));

    public static readonly DiagnosticDescriptor TrailingSlash = new(
        id: DiagnosticIds.TrailingSlash,
        title: "Route templates should not end with a slash",
        messageFormat: "Route template '{0}' ends with '/', which routing ignores, so the slash only misleads readers; remove it",
        category: DesignCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.TrailingSlash));

    public static readonly DiagnosticDescriptor FileExtensionInPath = new(
        id: DiagnosticIds.FileExtensionInPath,
        title: "Paths should not carry a file extension",
        messageFormat: "Path segment '{0}' of '{1}' ends with the file extension '{2}'; keep the URI stable and choose the representation with the Accept header (RFC 9110 §12.5.1)",
        category: DesignCategory,
        defaultSeverity: DiagnosticSeverity.Info,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.FileExtensionInPath));

    // ---- RSF04xx security ----

    public static readonly DiagnosticDescriptor OpenRedirect = new(
        id: DiagnosticIds.OpenRedirect,
        title: "Redirect target comes from the request",
        messageFormat: "Handler '{0}' redirects to '{1}', which comes from the request, so anyone can craft a link that sends users to another site (open redirect, CWE-601); use TypedResults.LocalRedirect or check the target against known URLs",
        category: SecurityCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.OpenRedirect));

    public static readonly DiagnosticDescriptor MissingAuthorization = new(
        id: DiagnosticIds.MissingAuthorization,
        title: "State-changing handler lacks the authorization its resource uses",
        messageFormat: "{0} handler '{1}' changes state but requires no authorization, while '{2}' on the same resource does; add [Authorize], or [AllowAnonymous] if anonymous access is intended",
        category: SecurityCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.MissingAuthorization));

    public static readonly DiagnosticDescriptor AuthenticationCookieParameter = new(
        id: DiagnosticIds.AuthenticationCookieParameter,
        title: "Cookie parameter reads authentication data",
        messageFormat: "Parameter '{0}' of handler '{1}' reads the cookie '{2}', which looks like authentication data, but a cookie parameter is neither validated nor decrypted; use the authentication handler (AddAuthentication().AddCookie() or a bearer scheme) and read the user from User, or an ISession parameter for session state",
        category: SecurityCategory,
        defaultSeverity: DiagnosticSeverity.Warning,
        isEnabledByDefault: true,
        helpLinkUri: HelpLink(DiagnosticIds.AuthenticationCookieParameter));

    /// <summary>The documentation page of <paramref name="id"/>: <c>docs/diagnostics/{id}.md</c> in the repository.</summary>
    public static string HelpLink(string id) => HelpLinkBase + id + ".md";
}

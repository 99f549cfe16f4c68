namespace Resourceful.Generators.Diagnostics;

/// <summary>
/// The id of every diagnostic, as constants the code fixes can name in <c>FixableDiagnosticIds</c>.
/// Never renumber or reuse one: users suppress them by id.
/// </summary>
internal static class DiagnosticIds
{
    // RSF00xx usage
    public const string ResourceNotPartial = "RSF0001";
    public const string ContainingTypeNotPartial = "RSF0002";
    public const string ResourceIsGeneric = "RSF0003";
    public const string ResourceIsAbstract = "RSF0004";
    public const string ResourceNotAccessible = "RSF0005";
    public const string ResourceIsFileLocal = "RSF0006";
    public const string MethodAttributeOutsideResource = "RSF0007";
    public const string HandlerNotPublic = "RSF0008";
    public const string HandlerIsGeneric = "RSF0009";
    public const string HandlerParameterByReference = "RSF0010";
    public const string HandlerReturnNotSupported = "RSF0011";
    public const string InvalidRouteTemplate = "RSF0012";
    public const string DuplicateEndpoint = "RSF0013";
    public const string DuplicateEndpointAcrossResources = "RSF0014";
    public const string RouteParameterNotBound = "RSF0015";
    public const string FromRouteNotInTemplate = "RSF0016";
    public const string ParameterCannotBind = "RSF0017";
    public const string MultipleBodies = "RSF0018";
    public const string ResourceCannotBeConstructed = "RSF0019";
    public const string HandlerNotMapped = "RSF0020";
    public const string HandlerObsoleteError = "RSF0021";
    public const string LibraryResourcesNotMapped = "RSF0022";
    public const string VersionTypeNotSupported = "RSF0023";
    public const string RepresentationNotSupported = "RSF0024";

    // RSF01xx HTTP semantics
    public const string BodyOnBodylessMethod = "RSF0101";
    public const string GetChangesState = "RSF0102";
    public const string TargetNotOneResource = "RSF0103";
    public const string CreateWithoutCreated = "RSF0104";
    public const string LostUpdate = "RSF0106";
    public const string ResponseCacheOnUnsafeMethod = "RSF0105";
    public const string FormOnBodylessMethod = "RSF0107";
    public const string FormAcceptsUnsaid = "RSF0108";

    // RSF02xx URI design
    public const string VerbInPath = "RSF0201";
    public const string UppercaseInPath = "RSF0202";
    public const string TrailingSlash = "RSF0203";
    public const string FileExtensionInPath = "RSF0204";

    // RSF03xx results: none yet.

    // RSF04xx security
    public const string OpenRedirect = "RSF0401";
    public const string MissingAuthorization = "RSF0402";
    public const string AuthenticationCookieParameter = "RSF0403";
}

using System.Collections.Generic;
using System.Linq;

namespace Resourceful.Generators.Model;

/// <summary>A <c>[Resource]</c> class: everything the emitter needs, and nothing Roslyn cannot compare by value.</summary>
internal sealed record ResourceModel(
    string Namespace,
    string Keyword,
    string ClassName,
    string FullyQualifiedName,
    string MetadataName,
    string Template,
    bool CanDeclarePartial,
    EquatableArray<ContainingTypeModel> ContainingTypes,
    ConstructorModel? Constructor,
    EquatableArray<EndpointModel> Endpoints,
    EquatableArray<MovedRouteModel> MovedRoutes)
{
    /// <summary><c>[Resource(AutomaticOptions = false)]</c> turns this resource's <c>OPTIONS</c> answers off.</summary>
    public bool AutomaticOptions { get; init; } = true;

    /// <summary><c>[Resource(AutomaticHead = false)]</c> turns this resource's <c>HEAD</c> beside <c>GET</c> off.</summary>
    public bool AutomaticHead { get; init; } = true;
}

/// <summary>A type that encloses a nested resource, re-declared <c>partial</c> around the generated <c>Links</c>.</summary>
internal sealed record ContainingTypeModel(string Keyword, string Name);

/// <summary>How one instance of a resource is created per request; <see langword="null"/> in the model for static classes.</summary>
internal sealed record ConstructorModel(EquatableArray<ServiceModel> Parameters);

/// <summary>A constructor dependency resolved from the request's services.</summary>
internal sealed record ServiceModel(string Name, string TypeName, bool IsRequired, string? KeyLiteral);

/// <summary>One handler method and the route it answers.</summary>
internal sealed record EndpointModel(
    string HttpMethod,
    string Template,
    EquatableArray<RouteSegment> Segments,
    string HandlerName,
    bool IsStatic,
    EquatableArray<ParameterModel> Parameters,
    ResultModel Result,
    EquatableArray<string> Metadata,
    long MaxBodySize)
{
    /// <summary>
    /// Whether the handler is left out of API descriptions (<c>[ExcludeFromDescription]</c>,
    /// <c>[ApiExplorerSettings(IgnoreApi = true)]</c>), and so out of the <c>OPTIONS</c> description too.
    /// </summary>
    public bool IsHidden { get; init; }

    /// <summary><c>RequireIfMatch = true</c>: a request without <c>If-Match</c> answers <c>428</c> before the handler runs.</summary>
    public bool RequireIfMatch { get; init; }

    /// <summary>Whether the handler takes a <c>Resourceful.Preconditions</c> parameter.</summary>
    public bool TakesPreconditions => ParameterModels.Flatten(Parameters).Any(static p => p.Source == ParameterSource.Preconditions);
    /// <summary>The <c>Cache-Control</c>, <c>Pragma</c> and <c>Vary</c> values of its success responses, or <see langword="null"/> for none.</summary>
    public CacheHeadersModel? CacheHeaders { get; init; }

    /// <summary>The representation <c>?fields=</c> selects members of (<c>[SparseFieldsets]</c>), or <see langword="null"/>.</summary>
    public SparseFieldsModel? SparseFields { get; init; }
}

/// <summary>
/// Header values written on a <c>GET</c> handler's success responses (and its <c>HEAD</c>): from <c>[ResponseCache]</c>,
/// mapped as MVC's response cache filter maps it, and <c>Vary: Accept</c> where the body's media type is negotiated.
/// </summary>
internal sealed record CacheHeadersModel(string? CacheControl, string? Pragma, string? Vary);

/// <summary>
/// The object type whose members <c>?fields=</c> selects: the representation itself, or each element of it when
/// <see cref="IsList"/> (an array or other <c>IEnumerable&lt;T&gt;</c>).
/// </summary>
internal sealed record SparseFieldsModel(string TypeName, bool IsList, EquatableArray<FieldModel> Fields);

/// <summary>
/// One JSON member of a sparse-fieldsets representation: its C# name, its <c>[JsonPropertyName]</c> if any, the name
/// under the default (camelCase) policy for the compile-time OpenAPI document, and its type.
/// </summary>
internal sealed record FieldModel(string MemberName, string? ExplicitName, string JsonName, string TypeName, string TypeOf);

/// <summary>
/// An old URI declared with <c>[MovedFrom]</c>: requests to <see cref="OldTemplate"/> (and, for a whole resource,
/// below it) are redirected to <see cref="NewTemplate"/>, route values carried over.
/// </summary>
internal sealed record MovedRouteModel(
    string OldTemplate,
    string NewTemplate,
    EquatableArray<RouteSegment> NewSegments,
    bool IncludesSubPaths);

/// <summary>
/// A type that a body's validation walks: its members with DataAnnotations rules, its members that hold other such
/// types (or collections of them), and whether it is an <c>IValidatableObject</c>. Generated code validates it
/// with one method, as <c>Microsoft.Extensions.Validation</c>'s <c>ValidatableTypeInfo</c> would.
/// </summary>
/// <param name="TypeName">The type, fully qualified, without nullable annotations.</param>
/// <param name="RenamedMembers">Member and JSON name pairs of members renamed with <c>[JsonPropertyName]</c>, for <c>IValidatableObject</c>'s errors.</param>
internal sealed record ValidatableTypeModel(
    string TypeName,
    string Name,
    EquatableArray<ValidatableMemberModel> Members,
    bool IsValidatableObject,
    EquatableArray<string> RenamedMembers);

/// <summary>One member of a <see cref="ValidatableTypeModel"/>: its rules (attribute expressions) and what it holds.</summary>
/// <param name="NestedTypeName">The validatable type the member holds, or holds a collection of; <see langword="null"/> for none.</param>
/// <param name="IsCollection">Whether the member is a collection whose items are <paramref name="NestedTypeName"/>.</param>
/// <param name="IsValueType">Whether the member (or each item) is a non-nullable struct, which is never null.</param>
internal sealed record ValidatableMemberModel(
    string MemberName,
    string? JsonName,
    EquatableArray<string> Rules,
    string? NestedTypeName,
    bool IsCollection,
    bool IsValueType);

/// <summary>A segment of a route template, between two slashes.</summary>
internal sealed record RouteSegment(EquatableArray<RoutePart> Parts);

/// <summary>A literal or a parameter within a route segment.</summary>
internal sealed record RoutePart(
    bool IsParameter,
    string Text,
    bool IsOptional,
    bool IsCatchAll,
    bool HasDefault);

/// <summary>Where a handler parameter's value comes from.</summary>
internal enum ParameterSource
{
    Route,
    Query,
    Header,

    /// <summary>A request cookie, <c>[FromCookie]</c>: a text value like a header's.</summary>
    Cookie,
    Body,
    BodyOrService,

    /// <summary>The raw request body as a <c>Stream</c> (<c>HttpRequest.Body</c>), any content type, as minimal APIs bind it.</summary>
    BodyStream,

    /// <summary>The raw request body as a <c>PipeReader</c> (<c>HttpRequest.BodyReader</c>).</summary>
    BodyPipeReader,

    /// <summary>A form field (<c>[FromForm]</c> on a simple value or an array of them), read after <c>ReadFormAsync</c>.</summary>
    Form,

    /// <summary>An <c>IFormFile</c>: the form's file part named <see cref="ParameterModel.Key"/>.</summary>
    FormFile,

    /// <summary>An <c>IFormFileCollection</c>: every file part of the form.</summary>
    FormFiles,

    /// <summary>An <c>IFormCollection</c>: the whole form.</summary>
    FormCollection,

    /// <summary>
    /// <c>[FromForm]</c> on a complex type: its constructor parameters or settable properties, each a form field or a
    /// file by its own name (one level, see <see cref="ParameterModel.AsParameters"/>).
    /// </summary>
    FormObject,

    /// <summary>The type's own static <c>BindAsync</c> (or <c>IBindableFromHttpContext&lt;T&gt;</c>), as minimal APIs bind it.</summary>
    BindAsync,
    Service,
    KeyedService,
    HttpContext,
    HttpRequest,
    HttpResponse,
    User,
    CancellationToken,

    /// <summary>The request's <c>ISession</c> (<c>HttpContext.Session</c>), loaded before the handler runs.</summary>
    Session,
    AsParameters,

    /// <summary>A <c>Resourceful.Preconditions</c>: the request's <c>If-Match</c>, <c>If-None-Match</c> and <c>If-Unmodified-Since</c>.</summary>
    Preconditions,
}

/// <summary>How a text value (route, query, header) becomes the parameter's type.</summary>
internal enum ValueParser
{
    None,
    String,
    Parsable,
    Enum,
    TryParseMethod,
}

/// <summary>One handler parameter, or one member of an <c>[AsParameters]</c> type.</summary>
internal sealed record ParameterModel(
    string Name,
    string TypeName,
    ParameterSource Source,
    string Key,
    ValueParser Parser,
    string ValueTypeName,
    string ValueTypeDisplay,
    bool IsArray,
    bool IsNullable,
    bool IsNullableValueType,
    bool IsRequired,
    string? DefaultValue,
    string? ServiceKey,
    AsParametersModel? AsParameters)
{
    /// <summary>The value type as <c>typeof</c> accepts it: no nullable reference annotations.</summary>
    public string TypeOf { get; init; } = ValueTypeName;

    /// <summary>Whether the declared type is a reference type (its required local starts as <c>default!</c>).</summary>
    public bool IsReferenceType { get; init; }

    /// <summary>The parameter's declared type as <c>typeof</c> accepts it, to find the handler's <c>MethodInfo</c> for OpenAPI.</summary>
    public string ParameterTypeOf { get; init; } = ValueTypeName;

    /// <summary>The JSON Schema type of a body (<c>object</c>, <c>array</c>, …), for the <c>OPTIONS</c> description; <see langword="null"/> when any JSON fits.</summary>
    public string? BodyJsonType { get; init; }

    /// <summary>
    /// The types a body's validation walks, its own type first; empty when nothing in it has a rule. Sorted after the
    /// first, so equal bodies give equal models.
    /// </summary>
    public EquatableArray<ValidatableTypeModel> Validation { get; init; } = EquatableArray<ValidatableTypeModel>.Empty;

    /// <summary>The DataAnnotations rules (attribute expressions) on a route, query or header value (<c>[Range(1, 10)] int page</c>).</summary>
    public EquatableArray<string> ValueRules { get; init; } = EquatableArray<string>.Empty;

    /// <summary>Which <c>BindAsync</c> a <see cref="ParameterSource.BindAsync"/> parameter calls.</summary>
    public BindAsyncKind BindAsync { get; init; }

    /// <summary>Whether that <c>BindAsync</c> returns a nullable struct that a non-nullable parameter unwraps.</summary>
    public bool BindAsyncUnwraps { get; init; }
}

/// <summary>The <c>BindAsync</c> shapes minimal APIs call, in the order they look for them.</summary>
internal enum BindAsyncKind
{
    None,

    /// <summary><c>IBindableFromHttpContext&lt;T&gt;</c>: <c>BindAsync(HttpContext, ParameterInfo)</c>, called through the interface.</summary>
    Bindable,

    /// <summary><c>public static ValueTask&lt;T?&gt; BindAsync(HttpContext, ParameterInfo)</c>.</summary>
    WithParameterInfo,

    /// <summary><c>public static ValueTask&lt;T?&gt; BindAsync(HttpContext)</c>.</summary>
    ContextOnly,
}

/// <summary>How an <c>[AsParameters]</c> type is built from its bound members.</summary>
internal sealed record AsParametersModel(
    bool UsesConstructor,
    EquatableArray<ParameterModel> ConstructorMembers,
    EquatableArray<ParameterModel> PropertyMembers);

/// <summary>What a handler returns, and how the generated code writes it.</summary>
internal enum ResultKind
{
    NoContent,
    Json,
    Text,
    HttpResult,
}

/// <summary>How a handler's return value is awaited.</summary>
internal enum AwaitKind
{
    None,
    Task,
    ValueTask,
}

/// <summary>
/// A handler's result. <see cref="Responses"/> lists every status the handler can answer with, read from
/// its return type at compile time; <see cref="IsOpen"/> says the list may be incomplete (a plain <c>IResult</c>,
/// or a result whose status is chosen at run time).
/// </summary>
internal sealed record ResultModel(
    ResultKind Kind,
    AwaitKind Await,
    string? ValueTypeName,
    EquatableArray<ResponseModel> Responses,
    bool IsOpen)
{
    /// <summary>
    /// The typed results the generated code writes itself (<c>ResourcefulTypedResults</c>): the declared result, or
    /// the members of a <c>Results&lt;…&gt;</c> union (<see cref="IsUnion"/>). Empty for every other result.
    /// </summary>
    public EquatableArray<TypedResultModel> TypedResults { get; init; } = EquatableArray<TypedResultModel>.Empty;

    /// <summary>Whether <see cref="TypedResults"/> are the members of a <c>Results&lt;…&gt;</c> union.</summary>
    public bool IsUnion { get; init; }

    /// <summary>The version of the representation the handler returns on success, or <see langword="null"/> for none.</summary>
    public VersionModel? Version { get; init; }
}

/// <summary>
/// The version of a handler's representation: a property marked <c>[ConcurrencyCheck]</c> or <c>[Timestamp]</c>.
/// </summary>
/// <param name="ResultTypeName">The typed result that carries the representation (<c>Ok&lt;Book&gt;</c>), or <see langword="null"/> when the handler returns it plainly.</param>
/// <param name="RepresentationTypeName">The representation type, fully qualified.</param>
/// <param name="PropertyName">The version property.</param>
/// <param name="Cast">The nullable type the value is cast to for <c>ResourcefulETag.Format</c> (<c>long?</c>, <c>global::System.Guid?</c>).</param>
/// <param name="IsDate">Whether the version is a date, which is also the <c>Last-Modified</c>.</param>
/// <param name="IsNullable">Whether the representation is a reference type, read with <c>?.</c>.</param>
internal sealed record VersionModel(
    string? ResultTypeName,
    string RepresentationTypeName,
    string PropertyName,
    string Cast,
    bool IsDate,
    bool IsNullable);

/// <summary>One of ASP.NET Core's status results (<c>Ok</c>, <c>Created&lt;T&gt;</c>, <c>NotFound</c>, …).</summary>
/// <param name="TypeName">The result type, fully qualified and without nullable annotations, as a type pattern takes it.</param>
/// <param name="Kind">Its simple name, which names the <c>ResourcefulTypedResults</c> method that writes it.</param>
/// <param name="BodyTypeName">The <c>TValue</c> of a result with a JSON body, or <see langword="null"/>.</param>
internal sealed record TypedResultModel(string TypeName, string Kind, string? BodyTypeName);

/// <summary>One status code a handler declares, and the type of its body if it has one.</summary>
internal sealed record ResponseModel(int StatusCode, string? BodyTypeName)
{
    /// <summary>The media type of text bodies (<c>string</c> results).</summary>
    public const string Text = "text/plain";

    /// <summary>The media type of server-sent events (<c>ServerSentEventsResult&lt;T&gt;</c>).</summary>
    public const string EventStream = "text/event-stream";

    /// <summary>The body type as <c>typeof</c> accepts it: no nullable reference annotations.</summary>
    public string? BodyTypeOf { get; init; }

    /// <summary>The body's media type when it is not JSON (<see cref="Text"/>, <see cref="EventStream"/>), else <see langword="null"/>.</summary>
    public string? ContentType { get; init; }

    /// <summary>Whether the body may be JSON <c>null</c>: the handler's value type is annotated (<c>List&lt;Book&gt;?</c>).</summary>
    public bool IsNullable { get; init; }
}

/// <summary>A resource (by metadata name) and its <c>Map…</c> method name, or its class name before names are resolved.</summary>
internal sealed record MapNameOverride(string MetadataName, string Name);

/// <summary>What <c>MapResources()</c> needs of one resource.</summary>
internal sealed record RegistrationModel(string MetadataName, string FullyQualifiedName, string MapMethodName);

/// <summary>The JSON shape of a .NET type, as System.Text.Json writes it, for the compile-time OpenAPI document.</summary>
internal enum ShapeKind
{
    Any,
    Object,
    Array,
    Dictionary,
    String,
    Integer,
    Number,
    Boolean,
    Enum,
}

/// <summary>
/// A type that appears in a request or response body. <see cref="Key"/> is its fully qualified name, which
/// properties and arrays use to refer to it; <see cref="Name"/> is the short name for <c>components/schemas</c>.
/// </summary>
internal sealed record TypeShapeModel(
    string Key,
    string Name,
    ShapeKind Kind,
    string? Format,
    string? ElementKey,
    EquatableArray<PropertyShapeModel> Properties,
    EquatableArray<string> EnumValues,
    bool EnumAsStrings);

/// <summary>One JSON property of an object shape, with the DataAnnotations constraints that map onto JSON Schema.</summary>
internal sealed record PropertyShapeModel(
    string JsonName,
    string TypeKey,
    bool IsNullable,
    bool IsRequired,
    EquatableArray<ConstraintModel> Constraints);

/// <summary>A JSON Schema keyword and its value, already as JSON text (<c>maxLength</c>, <c>5</c>).</summary>
internal sealed record ConstraintModel(string Keyword, string JsonValue);

/// <summary>Operations on parameter lists that the emitters and the analyzers share.</summary>
internal static class ParameterModels
{
    /// <summary>Whether the value is read from the request's form (so the endpoint reads the form once, and needs antiforgery).</summary>
    public static bool IsForm(ParameterSource source) =>
        source is ParameterSource.Form or ParameterSource.FormFile or ParameterSource.FormFiles or ParameterSource.FormCollection or ParameterSource.FormObject;

    /// <summary>Whether the value is read from the body (JSON or form), after every value of the URI and headers.</summary>
    public static bool IsBodyPass(ParameterSource source) =>
        source is ParameterSource.Body or ParameterSource.BodyOrService || IsForm(source);

    /// <summary>Whether any value of the endpoint is read from the form.</summary>
    public static bool ReadsForm(EndpointModel endpoint) => Flatten(endpoint.Parameters).Any(static p => IsForm(p.Source));

    /// <summary>Whether the endpoint reads a file from the form (so its form is <c>multipart/form-data</c>).</summary>
    public static bool ReadsFiles(EndpointModel endpoint) =>
        Flatten(endpoint.Parameters).Any(static p => p.Source is ParameterSource.FormFile or ParameterSource.FormFiles);

    /// <summary>Every parameter, with the members of <c>[AsParameters]</c> types in place of the type.</summary>
    public static IEnumerable<ParameterModel> Flatten(IEnumerable<ParameterModel> parameters)
    {
        foreach (var parameter in parameters)
        {
            if (parameter.AsParameters is { } members)
            {
                foreach (var member in members.ConstructorMembers.Concat(members.PropertyMembers))
                {
                    yield return member;
                }
            }
            else
            {
                yield return parameter;
            }
        }
    }
}

/// <summary>
/// What the referenced assemblies contribute to this compilation's <c>MapResources()</c>: the registration types
/// their generators wrote (fully qualified, in assembly-name order), and the assemblies whose resources cannot be
/// mapped, with why.
/// </summary>
internal sealed record ReferencedLibrariesModel(
    bool MapResourcesVisible,
    EquatableArray<string> Registrations,
    EquatableArray<LibraryProblemModel> Problems)
{
    public static readonly ReferencedLibrariesModel None = new(false, EquatableArray<string>.Empty, EquatableArray<LibraryProblemModel>.Empty);
}

/// <summary>A referenced assembly whose resources this compilation's <c>MapResources()</c> cannot map.</summary>
internal sealed record LibraryProblemModel(string AssemblyName, string Reason);

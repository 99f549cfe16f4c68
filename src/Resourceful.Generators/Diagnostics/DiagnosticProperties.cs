namespace Resourceful.Generators.Diagnostics;

/// <summary>
/// Keys of <see cref="Microsoft.CodeAnalysis.Diagnostic.Properties"/> that the analyzers fill and the code fixes
/// read. The analyzer knows the semantics (which segment, which method, which link); the fix only edits text.
/// </summary>
internal static class DiagnosticProperties
{
    /// <summary>The complete new value of the template string literal the diagnostic points at.</summary>
    public const string NewTemplate = nameof(NewTemplate);

    /// <summary>A new name for the parameter the diagnostic points at.</summary>
    public const string RenameTo = nameof(RenameTo);

    /// <summary>The HTTP method attribute to switch to: <c>Post</c>, <c>Put</c>, <c>Patch</c>, <c>Delete</c> or <c>Query</c>.</summary>
    public const string HttpMethodAttribute = nameof(HttpMethodAttribute);

    /// <summary>How to bind a parameter from the query instead: <see cref="FromQuery"/> or <see cref="AsParameters"/>.</summary>
    public const string BindFrom = nameof(BindFrom);

    public const string FromQuery = nameof(FromQuery);

    public const string AsParameters = nameof(AsParameters);

    /// <summary>The media types a <c>[Consumes]</c> attribute should list, comma-separated, in order.</summary>
    public const string ConsumesMediaTypes = nameof(ConsumesMediaTypes);

    /// <summary>The route parameter a new handler parameter binds.</summary>
    public const string RouteParameterName = nameof(RouteParameterName);

    /// <summary>The C# type of that new handler parameter, from the route constraint.</summary>
    public const string RouteParameterType = nameof(RouteParameterType);

    /// <summary>
    /// The <c>Links</c> call that builds the created resource's URI, with <see cref="ValuePlaceholder"/> where the
    /// created value goes, such as <c>Links.Find(bookId, {value}.Id)</c>.
    /// </summary>
    public const string LinkExpression = nameof(LinkExpression);

    public const string ValuePlaceholder = "{value}";

    /// <summary>How a creating handler answers today: <see cref="ShapeValue"/> (a plain <c>T</c>) or <see cref="ShapeOk"/> (<c>Ok&lt;T&gt;</c>).</summary>
    public const string ResultShape = nameof(ResultShape);

    public const string ShapeValue = "Value";

    public const string ShapeOk = "Ok";
}

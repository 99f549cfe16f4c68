namespace Resourceful.Generators;

/// <summary>
/// Names of the generator's incremental steps, so tests can assert what each step did
/// (<c>Cached</c>, <c>Unchanged</c>, <c>Modified</c>) after an edit.
/// </summary>
internal static class TrackingNames
{
    /// <summary>Each <c>[Resource]</c> class parsed: its <see cref="Model.ResourceModel"/> and its body types' shapes.</summary>
    public const string ParsedResources = nameof(ParsedResources);

    /// <summary>Each <c>[Resource]</c> class's <see cref="Model.ResourceModel"/>, which its generated file is emitted from.</summary>
    public const string Resources = nameof(Resources);

    /// <summary>The shapes of every body type of every resource, merged, for the OpenAPI document only.</summary>
    public const string Shapes = nameof(Shapes);

    /// <summary>
    /// The <c>Map{Resource}</c> names that are not simply <c>Map{ClassName}</c> (a class name used twice, or one that would
    /// clash with <c>MapResources</c>); usually empty.
    /// </summary>
    public const string DuplicateNames = nameof(DuplicateNames);

    /// <summary>The project-wide switches (<c>ResourcefulAutomaticOptions</c>, <c>ResourcefulAutomaticHead</c>, <c>ResourcefulOptionsDescription</c>).</summary>
    public const string ProjectSwitches = nameof(ProjectSwitches);

    /// <summary>One resource paired with those names and the project's switches, ready to emit.</summary>
    public const string ResourcesToEmit = nameof(ResourcesToEmit);

    /// <summary>Every resource's registration entry, collected for <c>MapResources()</c>.</summary>
    public const string Registrations = nameof(Registrations);

    /// <summary>
    /// What referenced assemblies contribute: their registration types (mapped by this <c>MapResources()</c>), the ones
    /// that cannot be mapped, and whether another assembly's <c>MapResources()</c> is visible here (a test project
    /// granted the app's internals; then a compilation without resources of its own emits no second one).
    /// </summary>
    public const string ReferencedLibraries = nameof(ReferencedLibraries);

    /// <summary>The assembly name, the title of the OpenAPI document.</summary>
    public const string AssemblyName = nameof(AssemblyName);

    /// <summary>Every resource, the body types' shapes and the title, ready for the compile-time OpenAPI document.</summary>
    public const string OpenApi = nameof(OpenApi);

    /// <summary>Whether the compilation references ASP.NET Core's OpenAPI support, for <c>AddResourcefulOperations()</c>.</summary>
    public const string AspNetCoreOpenApi = nameof(AspNetCoreOpenApi);

    /// <summary>Whether the generator reports the parser's problems: only when the analyzer does not run.</summary>
    public const string GeneratorReportsProblems = nameof(GeneratorReportsProblems);

    /// <summary>Each resource's problems, apart from its model (they hold source positions).</summary>
    public const string Problems = nameof(Problems);

    /// <summary>Every resource's routes, collected to find those two resources claim (RSF0014).</summary>
    public const string RouteClaims = nameof(RouteClaims);

    /// <summary>The route constraints each file's options declare, to judge templates when the generator reports.</summary>
    public const string FileConstraints = nameof(FileConstraints);
}

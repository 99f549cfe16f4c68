using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;
using Resourceful.Generators.Analyzers;
using Resourceful.Generators.Diagnostics;
using Resourceful.Generators.Emitting;
using Resourceful.Generators.Model;
using Resourceful.Generators.Parsing;

namespace Resourceful.Generators;

/// <summary>
/// Turns <c>[Resource]</c> classes into reflection-free request delegates, <c>Links</c> classes and
/// <c>MapResources()</c>. Pipeline: find (<c>ForAttributeWithMetadataName</c>) → parse into value-equatable
/// models → emit, so an edit inside a method body re-emits nothing: Roslyn runs the parse again for every resource
/// whenever the compilation changes, and the equal model it returns stops the pipeline there. The generator keeps
/// no state of its own across compilations.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class ResourceGenerator : IIncrementalGenerator
{
    /// <summary>The diagnostics the generator reports itself, whether or not the analyzer runs.</summary>
    internal static readonly ImmutableArray<DiagnosticDescriptor> ReportedDiagnostics =
        ImmutableArray.Create(DiagnosticDescriptors.LibraryResourcesNotMapped);

    /// <summary>The <c>[Get]</c>-style attributes, which outside a resource map nothing (RSF0007).</summary>
    private static readonly string[] HandlerAttributeNames =
    [
        "Resourceful.GetAttribute",
        "Resourceful.PostAttribute",
        "Resourceful.PutAttribute",
        "Resourceful.PatchAttribute",
        "Resourceful.DeleteAttribute",
        "Resourceful.QueryAttribute",
    ];

    /// <inheritdoc />
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var parsed = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                ResourceParser.ResourceAttributeName,
                predicate: static (node, _) => node is ClassDeclarationSyntax or RecordDeclarationSyntax,
                transform: static (ctx, ct) => ResourceParser.Parse(ctx, ct))
            .Where(static parsed => parsed is not null)
            .Select(static (parsed, _) => parsed!)
            .WithTrackingName(TrackingNames.ParsedResources);

        // The model of each resource's own file, without its body types' shapes or its problems: a DTO edit changes
        // only the shapes, an edit above a problem only its position, so this step's output stays Unchanged and the
        // resource's file is not emitted again.
        var resources = parsed
            .Where(static parsed => parsed.Model is not null)
            .Select(static (parsed, _) => parsed.Model!)
            .WithTrackingName(TrackingNames.Resources);

        var shapes = parsed
            .Where(static parsed => parsed.Model is not null)
            .Select(static (parsed, _) => (parsed.Model!.MetadataName, parsed.Shapes))
            .Collect()
            .Select(static (all, _) => OpenApiEmitter.MergeShapes(all))
            .WithTrackingName(TrackingNames.Shapes);

        RegisterProblems(context, parsed);

        // Usually empty: only resources whose Map{ClassName} would clash get another name, so adding a resource
        // re-emits the others only when it creates a clash.
        var duplicateNames = resources
            .Select(static (resource, _) => new MapNameOverride(resource.MetadataName, resource.ClassName))
            .Collect()
            .Select(static (all, _) => MapResourcesEmitter.ResolveMapNames(all))
            .WithTrackingName(TrackingNames.DuplicateNames);

        var switches = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => ProjectSwitches.Read(options.GlobalOptions))
            .WithTrackingName(TrackingNames.ProjectSwitches);

        var toEmit = resources
            .Combine(duplicateNames)
            .Combine(switches)
            .WithTrackingName(TrackingNames.ResourcesToEmit);

        context.RegisterSourceOutput(toEmit, static (spc, input) =>
        {
            var ((resource, duplicates), switches) = input;
            var source = ResourceEmitter.Emit(resource, MapResourcesEmitter.MapMethodName(resource, duplicates), switches);
            spc.AddSource(ResourceEmitter.HintName(resource), SourceText.From(source, System.Text.Encoding.UTF8));
        });

        var registrations = resources
            .Combine(duplicateNames)
            .Select(static (pair, _) => new RegistrationModel(
                pair.Left.MetadataName,
                pair.Left.FullyQualifiedName,
                MapResourcesEmitter.MapMethodName(pair.Left, pair.Right)))
            .Collect()
            .Select(static (all, _) => all
                .OrderBy(static r => r.MetadataName, StringComparer.Ordinal)
                .ToEquatableArray())
            .WithTrackingName(TrackingNames.Registrations);

        // Referenced assemblies' resources are mapped through the registrations their generators wrote. A project with
        // no resources of its own that sees the app's MapResources() (a test project granted the app's internals) gets
        // no second MapResources() or MapResourcesOpenApi(): each call would be ambiguous (CS0121).
        var referencedLibraries = context.CompilationProvider
            .Select(static (compilation, cancellationToken) => ReferencedRegistrations.Read(compilation, cancellationToken))
            .WithTrackingName(TrackingNames.ReferencedLibraries);

        var title = context.CompilationProvider
            .Select(static (compilation, _) => compilation.AssemblyName ?? "Resources")
            .WithTrackingName(TrackingNames.AssemblyName);

        context.RegisterSourceOutput(registrations.Combine(referencedLibraries).Combine(title), static (spc, input) =>
        {
            var ((own, libraries), assemblyName) = input;
            if (own.Count == 0 && libraries.MapResourcesVisible)
            {
                return;
            }

            foreach (var problem in libraries.Problems)
            {
                spc.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LibraryResourcesNotMapped, Location.None, problem.AssemblyName, problem.Reason));
            }

            var source = MapResourcesEmitter.Emit(own, libraries.Registrations, assemblyName);
            spc.AddSource(MapResourcesEmitter.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
        });

        // The OpenAPI document depends on every resource and every body type; it is the one output a resource edit
        // re-emits besides its own, and the only one a body type's edit re-emits.
        var openApi = resources
            .Collect()
            .Select(static (all, _) => all.OrderBy(static r => r.MetadataName, StringComparer.Ordinal).ToEquatableArray())
            .Combine(shapes)
            .Combine(title)
            .Combine(duplicateNames)
            .WithTrackingName(TrackingNames.OpenApi);

        // With ASP.NET Core's OpenAPI support referenced, the file also carries AddResourcefulOperations() for AddOpenApi().
        var aspNetCoreOpenApi = context.CompilationProvider
            .Select(static (compilation, _) => OpenApiEmitter.ReferencesAspNetCoreOpenApi(compilation))
            .WithTrackingName(TrackingNames.AspNetCoreOpenApi);
        context.RegisterSourceOutput(openApi.Combine(referencedLibraries).Combine(aspNetCoreOpenApi), static (spc, input) =>
        {
            var (pair, aspNetCore) = input;
            var ((((all, shapes), title), duplicates), libraries) = pair;
            if (all.Count == 0 && libraries.MapResourcesVisible)
            {
                return;
            }

            var source = OpenApiEmitter.Emit(title, all.ToList(), shapes, duplicates, aspNetCore);
            spc.AddSource(OpenApiEmitter.HintName, SourceText.From(source, System.Text.Encoding.UTF8));
        });
    }

    /// <summary>
    /// Reports what the parser could not map (<see cref="ProblemInfo"/>), the routes two resources claim (RSF0014) and
    /// handler attributes outside a resource (RSF0007), from the same decision procedure the analyzer reports; only
    /// when the analyzer does not run (<see cref="AnalyzerGate"/>), so each error is said once and always said.
    /// </summary>
    private static void RegisterProblems(IncrementalGeneratorInitializationContext context, IncrementalValuesProvider<ParsedResource> parsed)
    {
        var generatorReports = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) => !AnalyzerGate.AnalyzersRun(options.GlobalOptions))
            .WithTrackingName(TrackingNames.GeneratorReportsProblems);

        // Usually empty: the files whose options name route constraints the application registers itself.
        var fileConstraints = context.CompilationProvider
            .SelectMany(static (compilation, _) => compilation.SyntaxTrees)
            .Combine(context.AnalyzerConfigOptionsProvider)
            .Select(static (pair, _) => ResourcefulOptions.Read(pair.Right, pair.Left).RouteConstraints is { IsEmpty: false } constraints
                ? new FileConstraints(pair.Left.FilePath, constraints.OrderBy(static c => c, StringComparer.OrdinalIgnoreCase).ToEquatableArray())
                : null)
            .Where(static file => file is not null)
            .Collect()
            .WithTrackingName(TrackingNames.FileConstraints);

        var problems = parsed
            .Select(static (parsed, _) => parsed.Problems)
            .WithTrackingName(TrackingNames.Problems);
        context.RegisterSourceOutput(problems.Combine(generatorReports).Combine(fileConstraints), static (spc, input) =>
        {
            var ((problems, report), files) = input;
            if (!report)
            {
                return;
            }

            foreach (var diagnostic in problems.Diagnostics)
            {
                spc.ReportDiagnostic(diagnostic.ToDiagnostic());
            }

            foreach (var check in problems.TemplateChecks)
            {
                var constraints = files.FirstOrDefault(f => f!.FilePath == check.Location.FilePath)?.Constraints ?? EquatableArray<string>.Empty;
                bool IsCustom(string name) => constraints.Any(c => string.Equals(c, name, StringComparison.OrdinalIgnoreCase));
                if (new TemplateCheck(check.Raw, check.Location.ToLocation()).Judge(IsCustom) is { } problem)
                {
                    spc.ReportDiagnostic(problem.ToDiagnostic());
                }
            }
        });

        var routes = problems
            .Select(static (problems, _) => problems.Routes)
            .Collect()
            .WithTrackingName(TrackingNames.RouteClaims);
        context.RegisterSourceOutput(routes.Combine(generatorReports), static (spc, input) =>
        {
            var (all, report) = input;
            if (!report)
            {
                return;
            }

            var claims = all.SelectMany(static r => r).Select(static r => new RouteClaim(r.Key, r.HttpMethod, r.Template, r.Owner, r.Resource, r.Location.ToLocation()));
            foreach (var problem in RouteConflicts.Find(claims))
            {
                spc.ReportDiagnostic(problem.ToDiagnostic());
            }
        });

        foreach (var attributeName in HandlerAttributeNames)
        {
            var outside = context.SyntaxProvider
                .ForAttributeWithMetadataName(
                    attributeName,
                    predicate: static (node, _) => node is MethodDeclarationSyntax,
                    transform: static (ctx, ct) => ctx.TargetSymbol is IMethodSymbol method && ctx.Attributes.Length > 0
                        && ResourceParser.HandlerOutsideResource(method, ctx.Attributes[0], ct) is { } problem
                            ? DiagnosticInfo.From(problem)
                            : null)
                .Where(static info => info is not null);
            context.RegisterSourceOutput(outside.Combine(generatorReports), static (spc, input) =>
            {
                if (input.Right)
                {
                    spc.ReportDiagnostic(input.Left!.ToDiagnostic());
                }
            });
        }
    }
}

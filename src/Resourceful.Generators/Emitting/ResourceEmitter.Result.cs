using System.Collections.Generic;
using System.Linq;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

/// <summary>
/// Results: one writer per distinct set of typed results that carry a body, shared by the handlers that return it,
/// and the cases each handler's result is written with.
/// </summary>
internal static partial class ResourceEmitter
{
    /// <summary>
    /// <c>typedResults.CreatedAsync(httpContext, created.Location, created.Value, createdBody)</c> and the like: the
    /// result's parts, never the result itself, leave the handler.
    /// </summary>
    private static string CaseCall(TypedResultModel typedResult, string variable, IReadOnlyDictionary<TypedResultModel, string> bodyNames)
    {
        var location = typedResult.Kind is "Created" or "Accepted" ? $", {variable}.Location" : string.Empty;
        var value = bodyNames.TryGetValue(typedResult, out var bodyName) ? $", {variable}.Value, {bodyName}" : string.Empty;
        return $"typedResults.{typedResult.Kind}Async(httpContext{location}{value})";
    }

    // ok, created, notFound, …: the names carry no underscore, so they never meet a parameter's locals (id_arg).
    private static string CaseVariable(TypedResultModel typedResult) =>
        char.ToLowerInvariant(typedResult.Kind[0]) + typedResult.Kind.Substring(1);

    /// <summary>The name of the start-up local (and writer parameter) that holds each body's JSON metadata: <c>okBody</c>, <c>createdBody</c>.</summary>
    private static IReadOnlyDictionary<TypedResultModel, string> BodyNames(EquatableArray<TypedResultModel> typedResults)
    {
        var names = new Dictionary<TypedResultModel, string>();
        var used = new HashSet<string>();
        foreach (var typedResult in typedResults)
        {
            if (typedResult.BodyTypeName is null || names.ContainsKey(typedResult))
            {
                continue;
            }

            var bodyName = CaseVariable(typedResult) + "Body";
            for (var suffix = 2; !used.Add(bodyName); suffix++)
            {
                bodyName = CaseVariable(typedResult) + "Body" + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            names[typedResult] = bodyName;
        }

        return names;
    }

    /// <summary>
    /// One writer of the members with a body of the <c>Results&lt;…&gt;</c> unions that handlers of the resource
    /// return (<c>Ok&lt;Book&gt;</c> of <c>Results&lt;Ok&lt;Book&gt;, NotFound&gt;</c>): its name and those members.
    /// </summary>
    private sealed class ResultWriter(string name, EquatableArray<TypedResultModel> bodyMembers)
    {
        public string Name { get; } = name;

        public EquatableArray<TypedResultModel> BodyMembers { get; } = bodyMembers;
    }

    private static EquatableArray<TypedResultModel> BodyMembers(EquatableArray<TypedResultModel> members) =>
        members.Where(static m => m.BodyTypeName is not null).ToEquatableArray();

    /// <summary>
    /// One writer per distinct set of members with a body among the resource's unions (<c>WriteOk</c>,
    /// <c>WriteCreated</c>), named after them; a second set with the same names (other body types) gets a number.
    /// Members without a body need no writer of their own: the runtime writes them alike for every handler.
    /// </summary>
    private static Dictionary<EquatableArray<TypedResultModel>, ResultWriter> ResultWriters(ResourceModel resource)
    {
        var writers = new Dictionary<EquatableArray<TypedResultModel>, ResultWriter>();
        var names = new HashSet<string>();
        foreach (var endpoint in resource.Endpoints)
        {
            var bodyMembers = BodyMembers(endpoint.Result.TypedResults);
            if (!endpoint.Result.IsUnion || bodyMembers.Count == 0 || writers.ContainsKey(bodyMembers))
            {
                continue;
            }

            var baseName = "Write" + string.Join("Or", bodyMembers.Select(static m => m.Kind));
            var name = baseName;
            for (var suffix = 2; !names.Add(name); suffix++)
            {
                name = baseName + suffix.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            writers.Add(bodyMembers, new ResultWriter(name, bodyMembers));
        }

        return writers;
    }

    /// <summary>
    /// A union's writer: dispatches on the member, writing each member with a body through
    /// <c>ResourcefulTypedResults</c> with the JSON metadata resolved at start-up; every other member goes to the
    /// runtime's <c>WriteAsync</c>. Kept out of line, so each handler stays small enough for the JIT to inline
    /// the user's method and keep the union and the resource instance off the heap.
    /// </summary>
    private static void WriteResultWriter(SourceWriter writer, ResultWriter resultWriter)
    {
        var bodyNames = BodyNames(resultWriter.BodyMembers);
        var parameters = string.Concat(resultWriter.BodyMembers
            .Select(c => $", global::Resourceful.Runtime.JsonResultBody<{c.BodyTypeName}>? {bodyNames[c]}"));
        writer.WriteLine($"/// <summary>Writes a union's <c>{Xml(string.Join(", ", resultWriter.BodyMembers.Select(static m => m.TypeName.Replace("global::Microsoft.AspNetCore.Http.HttpResults.", string.Empty))))}</c>, and the runtime the rest.</summary>");
        writer.WriteLine("[global::System.Runtime.CompilerServices.MethodImpl(global::System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]");
        writer.OpenBlock($"private static global::System.Threading.Tasks.Task {resultWriter.Name}(global::Microsoft.AspNetCore.Http.IResult? result, {HttpContextType} httpContext, {TypedResults} typedResults{parameters})");
        writer.OpenBlock("switch (result)");
        foreach (var typedResult in resultWriter.BodyMembers)
        {
            var variable = CaseVariable(typedResult);
            writer.WriteLine($"case {typedResult.TypeName} {variable}:");
            writer.Indent();
            writer.WriteLine($"return {CaseCall(typedResult, variable, bodyNames)};");
            writer.Unindent();
        }

        // Members without a body, alike for every handler; anything else executes itself, as Results<…> does.
        writer.WriteLine("default:");
        writer.Indent();
        writer.WriteLine("return typedResults.WriteAsync(result, httpContext);");
        writer.Unindent();
        writer.CloseBlock();
        writer.CloseBlock();
    }

    /// <summary>
    /// The error of a handler that returned <see langword="null"/> instead of its typed result, named as the other
    /// handlers' errors are (<c>Shop.Books.Find</c>); built only when it happens.
    /// </summary>
    private static void WriteNullResult(SourceWriter writer, ResourceModel resource)
    {
        writer.WriteLine("/// <summary>The error of a handler that returned null instead of its typed result.</summary>");
        writer.OpenBlock("private static global::System.InvalidOperationException NullResult(string handlerName)");
        writer.WriteLine($"return global::Resourceful.Runtime.ResourcefulResults.NullResult({Literal(resource.MetadataName.Replace('+', '.') + ".")} + handlerName);");
        writer.CloseBlock();
    }
}

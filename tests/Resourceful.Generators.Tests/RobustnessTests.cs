using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;
using Xunit.Abstractions;

namespace Resourceful.Generators.Tests;

/// <summary>
/// Half-typed, broken and unusual user code (STYLE.md "Robustness"). The generator must never throw; where the
/// user's code compiles, the generated code must compile too (or be absent for the handler an analyzer flags), so
/// the user never sees errors in files they did not write.
/// </summary>
public sealed class RobustnessTests(ITestOutputHelper output)
{
    private const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Microsoft.AspNetCore.Mvc;
        using Resourceful;

        """;

    /// <summary>Errors that all mean "this name does not resolve"; generated code that names the user's
    /// unresolved type reports one of them, whichever the user's own code reported.</summary>
    private static readonly ImmutableHashSet<string> UnresolvedNameErrors = ["CS0246", "CS0234", "CS0400", "CS0103", "CS0426"];

    /// <summary>A fragment and whether the user's code compiles on its own (checked, so the expectation stays honest).</summary>
    private sealed record Fragment(string Source, bool UserCodeCompiles);

    private static readonly Dictionary<string, Fragment> Fragments = new(StringComparer.Ordinal)
    {
        ["HandlerRefStructParameter"] = new("""
            [Resource("/a")]
            public partial class A { [Get] public string X(ReadOnlySpan<char> s) => ""; }
            """, UserCodeCompiles: true),

        ["HandlerFunctionPointerParameter"] = new("""
            [Resource("/a")]
            public unsafe partial class A { [Get] public string X(delegate*<int, void> callback) => ""; }
            """, UserCodeCompiles: false),

        ["OptionalRouteValueWithNonNullableParameter"] = new("""
            [Resource("/a")]
            public partial class A { [Get("{id?}")] public string X(int id) => id.ToString(); }
            """, UserCodeCompiles: true),

        ["ResourceWithoutArguments"] = new("""
            [Resource]
            public partial class A { [Get] public string X() => ""; }
            """, UserCodeCompiles: false),

        ["ResourceHalfTyped"] = new("""
            [Resource(
            public partial class A { [Get] public string X() => ""; }
            """, UserCodeCompiles: false),

        ["ResourceUnterminatedString"] = new("""
            [Resource("/a)]
            public partial class A { [Get] public string X() => ""; }
            """, UserCodeCompiles: false),

        ["ResourceNullTemplate"] = new("""
            [Resource(null!)]
            public partial class A { [Get] public string X() => ""; }
            """, UserCodeCompiles: true),

        ["ResourceNamedArgumentThatDoesNotExist"] = new("""
            [Resource("/a", Foo = 1)]
            public partial class A { [Get] public string X() => ""; }
            """, UserCodeCompiles: false),

        ["ResourceEmptyTemplate"] = new("""
            [Resource("")]
            public partial class A { [Get] public string X() => ""; [Get("")] public string Y(int id) => ""; }
            """, UserCodeCompiles: true),

        ["MethodTemplateInteger"] = new("""
            [Resource("/a")]
            public partial class A { [Get(42)] public string X() => ""; }
            """, UserCodeCompiles: false),

        ["MethodTemplateNull"] = new("""
            [Resource("/a")]
            public partial class A { [Get(null)] public string X() => ""; }
            """, UserCodeCompiles: true),

        ["MethodAttributeHalfTyped"] = new("""
            [Resource("/a")]
            public partial class A { [Get("{id}" public string X(int id) => ""; }
            """, UserCodeCompiles: false),

        ["TemplateUnbalancedBrace"] = new("""
            [Resource("/a")]
            public partial class A { [Get("{id")] public string X(int id) => ""; [Get("id}")] public string Y() => ""; }
            """, UserCodeCompiles: true),

        ["TemplateEmptyParameter"] = new("""
            [Resource("/a/{}")]
            public partial class A { [Get("{:int}/{?}")] public string X() => ""; }
            """, UserCodeCompiles: true),

        ["TemplateQuotesAndBackslashes"] = new("""
            [Resource("/a\"b\\c")]
            public partial class A { [Get("{id}/\"x\"\\\t")] public string X(string id) => id; }
            """, UserCodeCompiles: true),

        ["TemplateCatchAllOptionalAndDefault"] = new("""
            [Resource("/files")]
            public partial class A
            {
                [Get("{**path}")] public string Browse(string? path) => path ?? "";
                [Get("pages/{page=1}")] public string Page(int page) => page.ToString();
                [Get("items/{id?}")] public string Item(int? id) => $"{id}";
            }
            """, UserCodeCompiles: true),

        ["TemplateRouteParameterWithoutHandlerParameter"] = new("""
            [Resource("/a/{tenant}")]
            public partial class A { [Get("{id:int}")] public string X(string name) => name; }
            """, UserCodeCompiles: true),

        ["TemplateConstraintMismatch"] = new("""
            [Resource("/a")]
            public partial class A { [Get("{id:int}")] public string X(Guid id) => id.ToString(); }
            """, UserCodeCompiles: true),

        ["SyntaxErrorInMethodBody"] = new("""
            [Resource("/a")]
            public partial class A { [Get] public string X() { return "" } }
            """, UserCodeCompiles: false),

        ["HandlerHalfTypedParameterList"] = new("""
            [Resource("/a")]
            public partial class A { [Get("{id}")] public string X(int
            """, UserCodeCompiles: false),

        ["UnbalancedClassBraces"] = new("""
            [Resource("/a")]
            public partial class A { [Get] public string X() => "";
            """, UserCodeCompiles: false),

        ["ReturnTypeMissing"] = new("""
            [Resource("/a")]
            public partial class A { [Get] public Missing X() => throw new NotImplementedException(); }
            """, UserCodeCompiles: false),

        ["ParameterTypeMissing"] = new("""
            [Resource("/a")]
            public partial class A { [Post] public string X(Missing body) => ""; [Get("{id}")] public string Y(Missing id) => ""; }
            """, UserCodeCompiles: false),

        ["ConstructorParameterTypeMissing"] = new("""
            [Resource("/a")]
            public partial class A(Missing store) { [Get] public string X() => store.ToString() ?? ""; }
            """, UserCodeCompiles: false),

        ["TypedResultsWithMissingTypeArguments"] = new("""
            [Resource("/a")]
            public partial class A { [Get] public Results<Ok<Missing>, NotFound> X() => TypedResults.NotFound(); }
            """, UserCodeCompiles: false),

        ["TaskOfMissingType"] = new("""
            [Resource("/a")]
            public partial class A { [Get] public Task<Missing> X() => throw new NotImplementedException(); }
            """, UserCodeCompiles: false),

        ["NotPartial"] = new("""
            [Resource("/a")]
            public class A { [Get] public string X() => ""; }
            """, UserCodeCompiles: true),

        ["GenericResource"] = new("""
            [Resource("/a")]
            public partial class A<T> { [Get] public string X() => typeof(T).Name; }
            """, UserCodeCompiles: true),

        ["AbstractResource"] = new("""
            [Resource("/a")]
            public abstract partial class A { [Get] public string X() => ""; }
            """, UserCodeCompiles: true),

        ["StaticClassResource"] = new("""
            [Resource("/a")]
            public static partial class A { [Get] public static string X() => ""; }
            """, UserCodeCompiles: true),

        ["RecordResource"] = new("""
            [Resource("/a")]
            public partial record A { [Get] public string X() => ""; }
            """, UserCodeCompiles: true),

        ["StructResource"] = new("""
            [Resource("/a")]
            public partial struct A { [Get] public string X() => ""; }
            """, UserCodeCompiles: false),

        ["InterfaceResource"] = new("""
            [Resource("/a")]
            public partial interface IA { [Get] string X(); }
            """, UserCodeCompiles: false),

        ["NestedInNonPartialType"] = new("""
            public class Outer
            {
                [Resource("/a")]
                public partial class A { [Get] public string X() => ""; }
            }
            """, UserCodeCompiles: true),

        ["NestedInGenericPartialType"] = new("""
            public partial class Outer<T>
            {
                [Resource("/a")]
                public partial class A { [Get] public string X() => typeof(T).Name; }
            }
            """, UserCodeCompiles: true),

        ["PrivateNestedResource"] = new("""
            public partial class Outer
            {
                [Resource("/a")]
                private partial class A { [Get] public string X() => ""; }
            }
            """, UserCodeCompiles: true),

        ["FileLocalResource"] = new("""
            [Resource("/a")]
            file partial class A { [Get] public string X() => ""; }
            """, UserCodeCompiles: true),

        ["InternalResourceWithPrivateConstructor"] = new("""
            [Resource("/a")]
            partial class A { private A() { } [Get] public string X() => ""; }
            """, UserCodeCompiles: true),

        ["HandlerRefOutInParameters"] = new("""
            [Resource("/a")]
            public partial class A
            {
                [Get("ref")] public string X(ref int a) => a.ToString();
                [Get("out")] public string Y(out int b) { b = 1; return ""; }
                [Get("in")] public string Z(in int c) => c.ToString();
            }
            """, UserCodeCompiles: true),

        ["HandlerParamsArray"] = new("""
            [Resource("/a")]
            public partial class A { [Get] public string X(params string[] tags) => string.Join(",", tags); }
            """, UserCodeCompiles: true),

        ["GenericHandler"] = new("""
            [Resource("/a")]
            public partial class A { [Get] public string X<T>() => typeof(T).Name; }
            """, UserCodeCompiles: true),

        ["NonPublicHandlers"] = new("""
            [Resource("/a")]
            public partial class A
            {
                [Get("private")] private string X() => "";
                [Get("protected")] protected string Y() => "";
                [Get("internal")] internal string Z() => "";
                [Get("private-protected")] private protected string W() => X();
            }
            """, UserCodeCompiles: true),

        ["AsyncVoidHandler"] = new("""
            [Resource("/a")]
            public partial class A { [Post] public async void X() => await Task.Yield(); }
            """, UserCodeCompiles: true),

        ["DuplicateRoutes"] = new("""
            [Resource("/a")]
            public partial class A { [Get] public string X() => "x"; [Get] public string Y() => "y"; }
            """, UserCodeCompiles: true),

        ["SameClassDeclaredTwice"] = new("""
            [Resource("/a")]
            public class A { [Get] public string X() => "x"; }

            [Resource("/b")]
            public class A { [Get] public string Y() => "y"; }
            """, UserCodeCompiles: false),

        ["OverloadedHandlers"] = new("""
            [Resource("/a")]
            public partial class A { [Get] public string X() => "x"; [Get("{id:int}")] public string X(int id) => $"{id}"; }
            """, UserCodeCompiles: true),

        ["TwoMethodAttributesOnOneHandler"] = new("""
            [Resource("/a")]
            public partial class A { [Get, Post] public string X() => ""; }
            """, UserCodeCompiles: true),

        ["MethodAttributeOutsideResource"] = new("""
            public class NotAResource { [Get] public string X() => ""; }
            """, UserCodeCompiles: true),

        ["MethodAttributeOnProperty"] = new("""
            [Resource("/a")]
            public partial class A { [Get] public string X { get; } = ""; }
            """, UserCodeCompiles: false),

        ["PartialMethodWithoutBody"] = new("""
            [Resource("/a")]
            public partial class A { [Get] public partial string X(); }
            """, UserCodeCompiles: false),

        ["HandlerNamedLinks"] = new("""
            [Resource("/a")]
            public partial class A { [Get("links")] public string Links() => ""; }
            """, UserCodeCompiles: true),

        ["KeywordIdentifiers"] = new("""
            namespace @namespace;

            [Resource("/a/{event}")]
            public partial class @class { [Get("{return}")] public string @return(string @event, int @return, string @int) => @event + @int; }
            """, UserCodeCompiles: true),

        ["UnicodeIdentifiers"] = new("""
            namespace Bücherei;

            [Resource("/bücher")]
            public partial class Bücher { [Get("{größe}")] public string Größe(string größe) => größe; }
            """, UserCodeCompiles: true),

        ["DefaultValuesThatNeedFormatting"] = new("""
            public enum Mode { Fast = 1, Slow = -2 }

            [Resource("/a")]
            public partial class A
            {
                [Get]
                public string X(
                    string text = "a\"b\\c\n", int n = -1, double d = 1.5, float f = -0.25f, decimal m = 2.5m, long big = long.MinValue,
                    char c = '\'', bool flag = true, Mode mode = Mode.Slow, Mode other = (Mode)7, string? none = null) => "";
            }
            """, UserCodeCompiles: true),

        ["ObsoleteHandler"] = new("""
            [Resource("/a")]
            public partial class A { [Obsolete("Use Y")] [Get] public string X() => ""; }
            """, UserCodeCompiles: true),

        ["ObsoleteAsErrorHandler"] = new("""
            [Resource("/a")]
            public partial class A { [Obsolete("Gone", error: true)] [Get] public string X() => ""; }
            """, UserCodeCompiles: true),

        ["UnusualParameterTypes"] = new("""
            [Resource("/a")]
            public partial class A
            {
                [Get("object")] public string X(object value) => $"{value}";
                [Get("dynamic")] public string Y(dynamic value) => "";
                [Get("tuple")] public string Z((int, string) pair) => pair.Item2;
                [Get("nullable-array")] public string W(int?[]? values) => $"{values?.Length}";
                [Post("list")] public string V(List<int> values) => $"{values.Count}";
            }
            """, UserCodeCompiles: true),

        ["UnusualReturnTypes"] = new("""
            [Resource("/a")]
            public partial class A
            {
                private int _value;

                [Get("ref")] public ref int X() => ref _value;
                [Get("async-enumerable")] public async IAsyncEnumerable<int> Y() { await Task.Yield(); yield return 1; }
                [Get("object")] public object Z() => new();
                [Get("nullable")] public string? W() => null;
                [Get("task-of-nullable")] public Task<int?> V() => Task.FromResult<int?>(null);
                [Get("tuple")] public (int A, string B) U() => (1, "b");
            }
            """, UserCodeCompiles: true),

        ["BodyOnGet"] = new("""
            public sealed record Item(int Id);

            [Resource("/a")]
            public partial class A { [Get] public string X([FromBody] Item item) => $"{item.Id}"; }
            """, UserCodeCompiles: true),

        ["ShadowingUserTypes"] = new("""
            namespace Shop
            {
                public sealed class HttpContext { }
                public sealed class Task { }
                public sealed class String { }
                public sealed class IResult { }
                public sealed class Results { }
                public sealed class TypedResults { }
                public static class Microsoft { }
                public static class System { }

                [Resource("/a")]
                public partial class A { [Get("{id:int}")] public string X(int id) => ""; [Post] public global::System.Threading.Tasks.Task Y() => global::System.Threading.Tasks.Task.CompletedTask; }
            }

            namespace Shop.Resourceful { public sealed class Runtime { } }
            """, UserCodeCompiles: true),

        ["ResourceNamedResources"] = new("""
            [Resource("/resources")]
            public partial class Resources { [Get] public string List() => ""; }
            """, UserCodeCompiles: true),

        ["MapNameCollision"] = new("""
            namespace Shop.Admin { [Resource("/admin/books")] public partial class Books { [Get] public string X() => ""; } }
            namespace Shop.Storefront { [Resource("/books")] public partial class Books { [Get] public string X() => ""; } }
            namespace Other { [Resource("/other")] public partial class ShopAdminBooks { [Get] public string X() => ""; } }
            """, UserCodeCompiles: true),

        ["HintNameCollision"] = new("""
            namespace Shop
            {
                public partial class V1 { [Resource("/v1/orders")] public partial class Orders { [Get] public string X() => ""; } }
                [Resource("/v1-orders")] public partial class V1_Orders { [Get] public string X() => ""; }
            }
            """, UserCodeCompiles: true),

        ["EmptyFile"] = new("", UserCodeCompiles: true),
    };

    public static TheoryData<string> FragmentNames => new(Fragments.Keys.Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(FragmentNames))]
    public void Generator_BrokenOrUnusualInput_NeverThrows(string fragmentName)
    {
        var run = Run(fragmentName);

        TestHelpers.AssertNoGeneratorException(run.Result);
        TestHelpers.AssertNoGeneratorException(run.SecondResult);
        var generatorFailures = run.OutputCompilation.GetDiagnostics().Where(d => d.Id is "CS8784" or "CS8785").ToArray();
        Assert.True(generatorFailures.Length == 0, TestHelpers.Format(generatorFailures));
    }

    [Theory]
    [MemberData(nameof(FragmentNames))]
    public void Generator_BrokenOrUnusualInput_AddsNoErrorsOfItsOwn(string fragmentName)
    {
        var fragment = Fragments[fragmentName];
        var run = Run(fragmentName);
        TestHelpers.AssertNoGeneratorException(run.Result);

        var before = run.InputCompilation.GetDiagnostics();
        var userErrors = before.Where(d => d.Severity == DiagnosticSeverity.Error).ToArray();
        Assert.True(
            fragment.UserCodeCompiles == (userErrors.Length == 0),
            fragment.UserCodeCompiles
                ? "The fragment was meant to compile but does not:" + Environment.NewLine + TestHelpers.Format(userErrors)
                : "The fragment was meant to be broken but compiles; fix the fragment.");

        var known = before.Select(Key).ToHashSet();
        var added = run.OutputCompilation.GetDiagnostics()
            .Where(d => d.Severity >= DiagnosticSeverity.Warning && !known.Contains(Key(d)))
            .ToArray();

        // On valid user code nothing may be added, anywhere: an error in a generated file or one the generated
        // code causes in the user's file (a missing 'partial', a duplicate member) is a bug of ours.
        // On broken user code, a generated file may repeat the user's own error (naming their unresolved type),
        // but nothing else; a new warning in a generated file is ours in every case.
        var userErrorIds = userErrors.Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        output.WriteLine($"Generated: {string.Join(", ", run.GeneratedSources.Select(s => s.HintName))}");
        output.WriteLine($"User errors: {string.Join(", ", userErrors.Select(d => d.Id))}");
        output.WriteLine("Added diagnostics:" + Environment.NewLine + TestHelpers.Format(added));

        var ours = added
            .Where(d => fragment.UserCodeCompiles
                || (d.Severity == DiagnosticSeverity.Warning && TestHelpers.IsGenerated(d.Location.SourceTree, run))
                || (d.Severity == DiagnosticSeverity.Error && !RepeatsUserError(d, userErrorIds)))
            .ToArray();

        Assert.True(
            ours.Length == 0,
            "The generated code adds diagnostics:" + Environment.NewLine + TestHelpers.Format(ours)
            + Environment.NewLine + "Generated files: " + string.Join(", ", run.GeneratedSources.Select(s => s.HintName)));
    }

    [Theory]
    [MemberData(nameof(FragmentNames))]
    public void Generator_BrokenOrUnusualInput_SecondRunIsCached(string fragmentName)
    {
        // Broken code is what the IDE sees while the user types: it must not defeat the cache either.
        var run = Run(fragmentName);
        TestHelpers.AssertNoGeneratorException(run.Result);

        TestHelpers.AssertSecondRunCached(run);
    }

    private static GeneratorRun Run(string fragmentName)
        => TestHelpers.RunGenerator(Usings + Fragments[fragmentName].Source, assertCaching: false);

    private static bool RepeatsUserError(Diagnostic diagnostic, HashSet<string> userErrorIds)
        => userErrorIds.Contains(diagnostic.Id)
            || (UnresolvedNameErrors.Contains(diagnostic.Id) && userErrorIds.Overlaps(UnresolvedNameErrors));

    private static (string Id, string? Path, int Start, int Length, string Message) Key(Diagnostic diagnostic)
        => (diagnostic.Id, diagnostic.Location.SourceTree?.FilePath, diagnostic.Location.SourceSpan.Start, diagnostic.Location.SourceSpan.Length, diagnostic.GetMessage());
}

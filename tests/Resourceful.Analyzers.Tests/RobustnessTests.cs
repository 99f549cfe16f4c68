using System.Collections.Generic;
using System.Linq;
using Resourceful.Analyzers.Tests.Infrastructure;
using Xunit;

namespace Resourceful.Analyzers.Tests;

/// <summary>
/// Half-typed and broken code, as the IDE sees it between keystrokes: no analyzer may throw (AD0001) and the
/// generator may not fail (CS8785).
/// </summary>
public sealed class RobustnessTests
{
    public static TheoryData<string> Fragments => new()
    {
        """[Resource(""",
        """[Resource()] public partial class A { }""",
        """[Resource] public partial class A { [Get] public string L() => ""; }""",
        """[Resource(42)] public partial class A { [Get] public string L() => ""; }""",
        """[Resource(null)] public partial class A { [Get] public string L() => ""; }""",
        """[Resource("/a", "/b")] public partial class A { [Get] public string L() => ""; }""",
        """[Resource("/a")] public partial class""",
        """[Resource("/a")] public partial class A { [Get(""",
        """[Resource("/a")] public partial class A { [Get("{id""",
        """[Resource("/a")] public partial class A { [Get("{id}")] public string L(""",
        """[Resource("/a")] public partial class A { [Get("{id}")] public string L(int""",
        """[Resource("/a")] public partial class A { [Get()] public string L() => ""; }""",
        """[Resource("/a")] public partial class A { [Get(1)] public string L() => ""; }""",
        """[Resource("/a")] public partial class A { [Get("x", "y")] public string L() => ""; }""",
        """[Resource("/a")] public partial class A { [Get] public Missing L(Unknown u) => default; }""",
        """[Resource("/a")] public partial class A(Missing m) { [Get] public string L() => ""; }""",
        """[Resource("/a")] public partial class A { [Get] public Task<Missing<int>> L() => null!; }""",
        """[Resource("/a")] public partial class A { [Get] public string L([FromRoute(Name = )] int id) => ""; }""",
        """[Resource("/a")] public partial class A { [Get] public string L([FromKeyedServices()] object s) => ""; }""",
        """[Resource("/a")] public partial class A { [Get] public string L([FromKeyedServices(typeof(int))] object s) => ""; }""",
        """[Resource("/a")] public partial class A { [Get] public string L([AsParameters] Missing m) => ""; }""",
        """[Resource("/a")] public partial class A { [Get] public string L([AsParameters] int m) => ""; }""",
        """[Resource("/a")] public partial class A { [Get] public string L([AsParameters] Self s) => ""; } public class Self { public Self(Self s) { } }""",
        """[Resource("/a")] public partial class A { [Get] public string L(int x = ) => ""; }""",
        """[Resource("/a")] public partial class A { [Get] public string L(Missing x = default) => ""; }""",
        """[Resource("/a")] public partial class A { [Get] public string L() => "" """,
        """[Resource("/a")] public partial class A { [Get] [Post] public string L() => ""; } }}}""",
        """[Resource("/a")] public partial record A { [Get] public string L() => ""; }""",
        """[Resource("/a")] public partial interface I { [Get] string L(); }""",
        """[Resource("/a")] public partial struct S { [Get] public string L() => ""; }""",
        """[Resource("/a")] public static partial class A { [Get] public string L() => ""; }""",
        """[Resource("/a")] public partial class A<T> where T : { [Get] public string L() => ""; }""",
        """[Resource("/{")] public partial class A { [Get("}")] public string L() => ""; [Get("{{")] public string M() => ""; }""",
        """[Resource("/a")] public partial class A { [Get("{:int}")] public string L() => ""; [Get("{id:regex(}")] public string M(int id) => ""; }""",
        """[Resource("/a")] public partial class A { [Get("{*}")] public string L() => ""; [Get("{**x:}")] public string M(string x) => ""; }""",
        """[Resource("~")] public partial class A { [Get("~/")] public string L() => ""; [Get("//")] public string M() => ""; }""",
        """[Resource("/a")] public partial class A { [Get("{id?}{x}")] public string L() => ""; [Get("{a=}")] public string M(string a) => ""; }""",
        """[Resource("/a")] public partial class A { [Post] public Created<> L() => default; }""",
        """[Resource("/a")] public partial class A { [Get] public IResult L(string u) => Results.Redirect(); }""",
        """[Resource("/a")] public partial class A { [Get] public IResult L(string u) { var x = x; return Results.Redirect(x); } }""",
        """[Resource("/a")] public partial class A { [Get] public IResult L(string u) => Results.Redirect(u + ); }""",
        """[Resource("/a"), Microsoft.AspNetCore.Authorization.Authorize(] public partial class A { [Delete] public void L() { } }""",
        """public class B { [Get] public void L() { } [Get] public int P { get; } [Get] ~B() { } }""",
        """[Resource("/a")] public partial class A { [Get] public static implicit operator A(int x) => new(); [Get] public A() { } }""",
        """[Resource("/a")] public partial class A { void M() { [Get] void Local() { } } }""",
        """[Resource("/a")] public partial class A { [Get] public unsafe int* L() => null; [Get] public dynamic D() => null!; }""",
        """[Resource("/a")] public partial class A { [Get] public string L(__arglist) => ""; }""",
        """[Resource("/a")] public partial class A { [Get] public string L(scoped Span<int> s) => ""; }""",
        """namespace ; [Resource("/a")] public partial class A { }""",
        "#if X\n[Resource(\"/a\")]\n#endif\npublic partial class A { [Get] public string L() => \"\"; }",
    };

    [Theory]
    [MemberData(nameof(Fragments))]
    public void Analyzers_BrokenCode_NeverThrow(string source)
    {
        var run = Runners.RunAnalyzers(Compilations.Create(source));
        Assert.True(run.Exceptions.Count == 0, string.Join("\n", run.Exceptions));
    }

    [Theory]
    [MemberData(nameof(Fragments))]
    public void Generator_BrokenCode_NeverFails(string source)
    {
        var failures = Runners.RunGenerator(Compilations.Create(source));
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Analyzers_WeirdEditorConfigValues_NeverThrow()
    {
        var options = new TestOptionsProvider(new Dictionary<string, string>
        {
            ["resourceful.allowed_path_segments"] = " , ;; /, get ,",
            ["resourceful.route_constraints"] = ",,,(",
        });
        var run = Runners.RunAnalyzers(Compilations.Create(ConsistencyTests.Corpus), options);
        Assert.True(run.Exceptions.Count == 0, string.Join("\n", run.Exceptions));
    }

    /// <summary>
    /// Every prefix of a realistic resource file, as it is typed from the first character to the last, and the
    /// same file with each line removed in turn.
    /// </summary>
    [Fact]
    public void AnalyzersAndGenerator_EveryPrefixAndEveryLineRemoved_NeverThrow()
    {
        var source = ConsistencyTests.TypedFile;
        var variants = new List<string>();
        for (var length = 0; length < source.Length; length += 17)
        {
            variants.Add(source.Substring(0, length));
        }

        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            variants.Add(string.Join('\n', lines.Where((_, index) => index != i)));
        }

        var problems = new List<string>();
        foreach (var variant in variants)
        {
            var compilation = Compilations.Create(variant);
            problems.AddRange(Runners.RunAnalyzers(compilation).Exceptions.Select(e => $"--- input:\n{variant}\n--- {e}"));
            problems.AddRange(Runners.RunGenerator(compilation).Select(e => $"--- input:\n{variant}\n--- {e}"));
        }

        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(3)));
    }
}

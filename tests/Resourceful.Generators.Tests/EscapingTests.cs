using System;
using System.Linq;
using Microsoft.CodeAnalysis;
using Xunit;

namespace Resourceful.Generators.Tests;

/// <summary>
/// Odd but legal user strings and names reach generated code only escaped for their context (string literal,
/// comment, XML doc comment, file name): none of them may make a generated file fail to compile.
/// </summary>
public sealed class EscapingTests
{
    private const string Usings = """
        using System;
        using Microsoft.AspNetCore.Mvc;
        using Resourceful;

        """;

    public static TheoryData<string, string> Corpus => new()
    {
        { "NewlineInResourceTemplate", """[Resource("/books\nx")] public sealed partial class Books { [Get] public string List() => "a"; }""" },
        { "CarriageReturnInHandlerTemplate", """[Resource("/books")] public sealed partial class Books { [Get("a\rb")] public string List() => "a"; }""" },
        { "LineSeparatorInTemplate", "[Resource(\"/books\\u2028x\")] public sealed partial class Books { [Get] public string List() => \"a\"; }" },
        { "StarSlashInTemplate", """[Resource("/books/*/x")] public sealed partial class Books { [Get] public string List() => "a"; }""" },
        { "XmlInTemplate", """[Resource("/books/<b>&amp;")] public sealed partial class Books { [Get] public string List() => "a"; }""" },
        { "NewlineInHeaderName", """[Resource("/books")] public sealed partial class Books { [Get] public string List([FromHeader(Name = "X-\nA")] string? a) => "a"; }""" },
        { "QuoteInQueryName", """[Resource("/books")] public sealed partial class Books { [Get] public string List([FromQuery(Name = "a\"b")] string? a) => "a"; }""" },
        { "LineSeparatorInQueryName", "[Resource(\"/books\")] public sealed partial class Books { [Get] public string List([FromQuery(Name = \"a\\u2028b\")] string? a) => \"a\"; }" },
        { "BackslashAndBracesInQueryName", """[Resource("/books")] public sealed partial class Books { [Get] public string List([FromQuery(Name = "a\\{0}}")] string? a) => "a"; }""" },
        { "OddDefaultValue", "[Resource(\"/books\")] public sealed partial class Books { [Get] public string List(string q = \"\\\"\\n\\u2028*/<x>\") => q; }" },
        { "OddMovedFrom", """[Resource("/books")] [MovedFrom("/old\n*/<x>")] public sealed partial class Books { [Get] public string List() => "a"; }""" },
        { "UnicodeNames", """namespace Café.Книги { [Resource("/livres")] public sealed partial class Livrés { [Get] public string Liste(string? naïve) => "a"; } }""" },
        { "KeywordNames", """namespace @class { [Resource("/e")] public sealed partial class @event { [Get("{int}")] public string @return(int @int, string? @string) => "a"; } }""" },
        { "LongClassName", $$"""[Resource("/long")] public sealed partial class {{new string('L', 450)}} { [Get] public string List() => "a"; }""" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Generate_OddButLegalInput_GeneratedFilesCompile(string name, string source)
    {
        var run = TestHelpers.RunGenerator(Usings + source, assertCaching: false);
        TestHelpers.AssertNoGeneratorException(run.Result);

        var errors = run.OutputCompilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error && TestHelpers.IsGenerated(d.Location.SourceTree, run))
            .ToList();
        Assert.True(errors.Count == 0, name + ": errors in generated files:" + Environment.NewLine + TestHelpers.Format(errors));

        Assert.All(run.GeneratedSources, source => Assert.True(source.HintName.Length <= 200, "Hint name too long: " + source.HintName));
    }
}

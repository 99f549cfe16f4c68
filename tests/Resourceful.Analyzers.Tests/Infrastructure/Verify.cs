using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Resourceful.Generators;
using Resourceful.Generators.Analyzers;

namespace Resourceful.Analyzers.Tests.Infrastructure;

/// <summary>
/// One rule family run as the package runs it (inside <see cref="ResourcefulAnalyzer"/>'s initialisation), alone, so
/// a test sees only the diagnostics of the family it is about.
/// </summary>
// A test harness, never loaded by a compiler: the package's one entry is ResourcefulAnalyzer.
#pragma warning disable RS1001 // Missing DiagnosticAnalyzer attribute
internal sealed class FamilyAnalyzer<TRules> : DiagnosticAnalyzer
#pragma warning restore RS1001
    where TRules : ResourceRules, new()
{
    private readonly TRules family = new();

    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => family.SupportedDiagnostics;

    public override void Initialize(AnalysisContext context)
    {
        context.EnableConcurrentExecution();
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        ResourcefulAnalyzer.RegisterFamilies(context, [family]);
    }
}

/// <summary>An analyzer test of one rule family against .NET 10, ASP.NET Core and Resourceful.</summary>
internal sealed class AnalyzerTest<TRules> : CSharpAnalyzerTest<FamilyAnalyzer<TRules>, DefaultVerifier>
    where TRules : ResourceRules, new()
{
    public AnalyzerTest()
    {
        TestReferences.Apply(TestState);
    }

    /// <summary>Also run the generator, for code that uses what it generates (<c>Links</c>).</summary>
    public bool RunGenerator { get; set; }

    protected override IEnumerable<Type> GetSourceGenerators() =>
        RunGenerator ? [typeof(ResourceGenerator)] : [];
}

/// <summary>A code-fix test against .NET 10, ASP.NET Core and Resourceful.</summary>
internal sealed class CodeFixTest<TRules, TCodeFix> : CSharpCodeFixTest<FamilyAnalyzer<TRules>, TCodeFix, DefaultVerifier>
    where TRules : ResourceRules, new()
    where TCodeFix : CodeFixProvider, new()
{
    public CodeFixTest()
    {
        TestReferences.Apply(TestState);
        TestReferences.Apply(FixedState);
    }

    /// <summary>Also run the generator, for code that uses what it generates (<c>Links</c>).</summary>
    public bool RunGenerator { get; set; }

    protected override IEnumerable<Type> GetSourceGenerators() =>
        RunGenerator ? [typeof(ResourceGenerator)] : [];
}

/// <summary>Short forms for the common cases: markup in, expected diagnostics from the markup.</summary>
internal static class Verify<TRules>
    where TRules : ResourceRules, new()
{
    /// <summary>
    /// Runs the rule family <typeparamref name="TRules"/> over <paramref name="source"/> (prefixed with <see cref="Sources.Usings"/>)
    /// and checks that it reports exactly the diagnostics the markup marks, plus <paramref name="expected"/>.
    /// </summary>
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<TRules> { TestCode = Sources.Usings + source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>As <see cref="AnalyzerAsync(string, DiagnosticResult[])"/>, with an <c>.editorconfig</c>.</summary>
    public static Task AnalyzerWithConfigAsync(string source, string editorConfig)
    {
        var test = new AnalyzerTest<TRules> { TestCode = Sources.Usings + source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n"));
        return test.RunAsync();
    }

    /// <summary>Applies <typeparamref name="TCodeFix"/> to the marked diagnostics and compares with <paramref name="fixedSource"/>.</summary>
    public static Task CodeFixAsync<TCodeFix>(string source, string fixedSource, int? codeActionIndex = null, bool runGenerator = false)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CodeFixTest<TRules, TCodeFix>
        {
            TestCode = Sources.Usings + source,
            FixedCode = Sources.Usings + fixedSource,
            CodeActionIndex = codeActionIndex,
            RunGenerator = runGenerator,
        };
        if (runGenerator)
        {
            test.TestBehaviors |= TestBehaviors.SkipGeneratedSourcesCheck;
        }

        return test.RunAsync();
    }

    /// <summary>Checks that <typeparamref name="TCodeFix"/> offers nothing for the marked diagnostics.</summary>
    public static Task NoCodeFixAsync<TCodeFix>(string source)
        where TCodeFix : CodeFixProvider, new() =>
        new CodeFixTest<TRules, TCodeFix> { TestCode = Sources.Usings + source, FixedCode = Sources.Usings + source }.RunAsync();

    /// <summary>
    /// As <see cref="CodeFixAsync{TCodeFix}"/>, and checks that one Fix All (in the document, the project and the
    /// solution) fixes every marked diagnostic in one pass, with the fix of <paramref name="equivalenceKey"/>.
    /// </summary>
    public static Task FixAllAsync<TCodeFix>(string source, string fixedSource, string? equivalenceKey = null)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CodeFixTest<TRules, TCodeFix>
        {
            TestCode = Sources.Usings + source,
            FixedCode = Sources.Usings + fixedSource,
            CodeActionEquivalenceKey = equivalenceKey,
            NumberOfFixAllIterations = 1,
            NumberOfFixAllInDocumentIterations = 1,
            NumberOfFixAllInProjectIterations = 1,
        };
        return test.RunAsync();
    }
}

/// <summary>Text shared by the test sources.</summary>
internal static class Sources
{
    /// <summary>The usings every test source starts with, so each test shows only what matters.</summary>
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Microsoft.AspNetCore.Mvc;
        using Resourceful;

        """;
}

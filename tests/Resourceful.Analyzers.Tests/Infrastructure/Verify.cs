using System;
using System.Collections.Generic;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;
using Resourceful.Generators;

namespace Resourceful.Analyzers.Tests.Infrastructure;

/// <summary>An analyzer test against .NET 10, ASP.NET Core and Resourceful.</summary>
internal sealed class AnalyzerTest<TAnalyzer> : CSharpAnalyzerTest<TAnalyzer, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
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
internal sealed class CodeFixTest<TAnalyzer, TCodeFix> : CSharpCodeFixTest<TAnalyzer, TCodeFix, DefaultVerifier>
    where TAnalyzer : DiagnosticAnalyzer, new()
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
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    /// <summary>
    /// Runs <typeparamref name="TAnalyzer"/> over <paramref name="source"/> (prefixed with <see cref="Sources.Usings"/>)
    /// and checks that it reports exactly the diagnostics the markup marks, plus <paramref name="expected"/>.
    /// </summary>
    public static Task AnalyzerAsync(string source, params DiagnosticResult[] expected)
    {
        var test = new AnalyzerTest<TAnalyzer> { TestCode = Sources.Usings + source };
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>As <see cref="AnalyzerAsync(string, DiagnosticResult[])"/>, with an <c>.editorconfig</c>.</summary>
    public static Task AnalyzerWithConfigAsync(string source, string editorConfig)
    {
        var test = new AnalyzerTest<TAnalyzer> { TestCode = Sources.Usings + source };
        test.TestState.AnalyzerConfigFiles.Add(("/.editorconfig", "root = true\n\n[*.cs]\n" + editorConfig + "\n"));
        return test.RunAsync();
    }

    /// <summary>Applies <typeparamref name="TCodeFix"/> to the marked diagnostics and compares with <paramref name="fixedSource"/>.</summary>
    public static Task CodeFixAsync<TCodeFix>(string source, string fixedSource, int? codeActionIndex = null, bool runGenerator = false)
        where TCodeFix : CodeFixProvider, new()
    {
        var test = new CodeFixTest<TAnalyzer, TCodeFix>
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

using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Diagnostics;
using Resourceful.CodeFixes;
using Resourceful.Generators;
using Resourceful.Generators.Analyzers;
using Resourceful.Generators.Diagnostics;
using Xunit;

namespace Resourceful.Analyzers.Tests;

/// <summary>
/// The descriptors table against everything that must agree with it: the analyzers, the code fixes, the
/// release-tracking file, the docs pages and the rules table. A rule cannot ship half-declared.
/// </summary>
public sealed class CatalogTests
{
    internal static readonly string RepositoryRoot = FindRepositoryRoot();

    public static readonly ImmutableArray<DiagnosticDescriptor> Descriptors = typeof(DiagnosticDescriptors)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(static f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(static f => (DiagnosticDescriptor)f.GetValue(null)!)
        .ToImmutableArray();

    public static readonly ImmutableArray<DiagnosticAnalyzer> Analyzers = typeof(ResourceUsageRules).Assembly.GetTypes()
        .Where(static t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .OrderBy(static t => t.Name, StringComparer.Ordinal)
        .Select(static t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    public static readonly ImmutableArray<CodeFixProvider> CodeFixes = typeof(AddPartialCodeFixProvider).Assembly.GetTypes()
        .Where(static t => !t.IsAbstract && typeof(CodeFixProvider).IsAssignableFrom(t))
        .OrderBy(static t => t.Name, StringComparer.Ordinal)
        .Select(static t => (CodeFixProvider)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    [Fact]
    public void Descriptors_EveryId_IsUniqueAndWellFormed()
    {
        Assert.NotEmpty(Descriptors);
        var duplicates = Descriptors.GroupBy(static d => d.Id).Where(static g => g.Count() > 1).Select(static g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, "Ids used twice: " + string.Join(", ", duplicates));
        Assert.All(Descriptors, static d => Assert.Matches("^RSF0[0-4][0-9]{2}$", d.Id));
    }

    /// <summary>The README states how many rules there are, per family, and how many have a code fix: it must stay true.</summary>
    [Fact]
    public void Readme_RuleAndCodeFixCounts_MatchTheCatalog()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot, "README.md"));
        int Family(string prefix) => Descriptors.Count(d => d.Id.StartsWith(prefix, StringComparison.Ordinal));
        var fixable = CodeFixes.SelectMany(static f => f.FixableDiagnosticIds).Distinct(StringComparer.Ordinal).Count();
        var expected =
            $"There are {Descriptors.Length} rules ({Family("RSF00")} usage, {Family("RSF01")} HTTP semantics, {Family("RSF02")} URI design, "
            + (Family("RSF03") > 0 ? $"{Family("RSF03")} results, " : string.Empty)
            + $"{Family("RSF04")} security); {fixable} of them have a code fix.";

        // Compared with white space folded, so rewrapping the paragraph never fails the test.
        Assert.Contains(expected, Regex.Replace(readme, @"\s+", " "), StringComparison.Ordinal);
    }

    [Fact]
    public void Descriptors_Family_MatchesCategory()
    {
        foreach (var descriptor in Descriptors)
        {
            var expected = descriptor.Id.Substring(0, 5) switch
            {
                "RSF00" => DiagnosticDescriptors.UsageCategory,
                "RSF01" => DiagnosticDescriptors.HttpCategory,
                "RSF02" => DiagnosticDescriptors.DesignCategory,
                "RSF04" => DiagnosticDescriptors.SecurityCategory,
                _ => "a family with rules",
            };
            Assert.True(expected == descriptor.Category, $"{descriptor.Id} is in category {descriptor.Category}, its family's is {expected}");
        }
    }

    [Fact]
    public void Descriptors_EveryOne_IsReportedByExactlyOneAnalyzerOrTheGenerator()
    {
        var supported = Analyzers.SelectMany(static a => a.SupportedDiagnostics).Concat(ResourceGenerator.ReportedDiagnostics).ToList();
        foreach (var descriptor in Descriptors)
        {
            Assert.True(supported.Count(d => d.Id == descriptor.Id) == 1, $"{descriptor.Id} must be supported by exactly one analyzer, or reported by the generator");
        }

        Assert.All(supported, s => Assert.Contains(s, Descriptors));
    }

    [Fact]
    public void Descriptors_MessageFormat_FormatsWithItsArguments()
    {
        foreach (var descriptor in Descriptors)
        {
            var format = descriptor.MessageFormat.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var count = Regex.Matches(format, @"(?<!\{)\{(\d)\}").Select(static m => int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + 1).DefaultIfEmpty(0).Max();
            var message = string.Format(System.Globalization.CultureInfo.InvariantCulture, format, Enumerable.Range(0, count).Select(static i => (object)("arg" + i)).ToArray());
            Assert.DoesNotContain("\n", message);
            Assert.False(message.EndsWith('.'), $"{descriptor.Id}: one-sentence messages end without a period");
        }
    }

    [Fact]
    public void HelpLinks_EveryDescriptor_PointsToItsDocsPage()
    {
        foreach (var descriptor in Descriptors)
        {
            Assert.Equal(DiagnosticDescriptors.HelpLink(descriptor.Id), descriptor.HelpLinkUri);
            Assert.EndsWith($"/docs/diagnostics/{descriptor.Id}.md", descriptor.HelpLinkUri, StringComparison.Ordinal);

            var page = Path.Combine(RepositoryRoot, "docs", "diagnostics", descriptor.Id + ".md");
            Assert.True(File.Exists(page), $"{descriptor.Id} has no page at docs/diagnostics/{descriptor.Id}.md");
            var lines = File.ReadAllLines(page);
            Assert.Equal($"# {descriptor.Id}: {descriptor.Title}", lines[0]);
            Assert.Contains($"| Default severity | {descriptor.DefaultSeverity} |", lines);
            Assert.Contains($"| Category | `{descriptor.Category}` |", lines);
        }
    }

    [Fact]
    public void DocsPages_EveryPage_BelongsToADescriptor()
    {
        var pages = Directory.GetFiles(Path.Combine(RepositoryRoot, "docs", "diagnostics"), "RSF*.md").Select(Path.GetFileNameWithoutExtension);
        Assert.All(pages, page => Assert.Contains(Descriptors, d => d.Id == page));
    }

    [Fact]
    public void ReleaseTracking_EveryDescriptor_IsInUnshippedWithCategoryAndSeverity()
    {
        var unshipped = File.ReadAllLines(Path.Combine(RepositoryRoot, "src", "Resourceful.Generators", "AnalyzerReleases.Unshipped.md"));
        var rows = unshipped.Where(static l => l.StartsWith("RSF", StringComparison.Ordinal))
            .Select(static l => l.Split('|').Select(static c => c.Trim()).ToArray())
            .ToList();
        Assert.Equal(Descriptors.Length, rows.Count);
        foreach (var descriptor in Descriptors)
        {
            var row = Assert.Single(rows, r => r[0] == descriptor.Id);
            Assert.Equal(descriptor.Category, row[1]);
            Assert.Equal(descriptor.DefaultSeverity.ToString(), row[2]);
        }
    }

    [Fact]
    public void RulesTable_EveryDescriptor_HasARowWithSeverityAndFix()
    {
        var readme = File.ReadAllLines(Path.Combine(RepositoryRoot, "docs", "diagnostics", "README.md"));
        var fixable = CodeFixes.SelectMany(static f => f.FixableDiagnosticIds).ToHashSet(StringComparer.Ordinal);
        foreach (var descriptor in Descriptors)
        {
            var row = $"| [{descriptor.Id}]({descriptor.Id}.md) | {descriptor.Title} | {descriptor.DefaultSeverity} | {(fixable.Contains(descriptor.Id) ? "Yes" : "No")} |";
            Assert.Contains(row, readme);

            var page = File.ReadAllText(Path.Combine(RepositoryRoot, "docs", "diagnostics", descriptor.Id + ".md"));
            Assert.Contains(fixable.Contains(descriptor.Id) ? "| Code fix | Yes" : "| Code fix | No |", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void CodeFixes_EveryFixableId_IsADescriptor()
    {
        Assert.NotEmpty(CodeFixes);
        foreach (var id in CodeFixes.SelectMany(static f => f.FixableDiagnosticIds))
        {
            Assert.Contains(Descriptors, d => d.Id == id);
        }
    }

    [Fact]
    public void Analyzers_Initialize_RunConcurrentlyAndSkipGeneratedCode()
    {
        foreach (var analyzer in Analyzers)
        {
            var context = new RecordingAnalysisContext();
            analyzer.Initialize(context);
            Assert.True(context.ConcurrentExecution, $"{analyzer.GetType().Name} must call EnableConcurrentExecution()");
            Assert.Equal(GeneratedCodeAnalysisFlags.None, context.GeneratedCodeAnalysis);
            Assert.True(context.OnlyCompilationStart, $"{analyzer.GetType().Name} must resolve its types once, in RegisterCompilationStartAction");
        }
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Generators.sln not found above " + AppContext.BaseDirectory);
    }

    private sealed class RecordingAnalysisContext : AnalysisContext
    {
        public bool ConcurrentExecution { get; private set; }

        public GeneratedCodeAnalysisFlags? GeneratedCodeAnalysis { get; private set; }

        private bool anyCompilationStart;

        private bool anyOtherAction;

        public bool OnlyCompilationStart => anyCompilationStart && !anyOtherAction;

        public override void EnableConcurrentExecution() => ConcurrentExecution = true;

        public override void ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags analysisMode) => GeneratedCodeAnalysis = analysisMode;

        public override void RegisterCompilationStartAction(Action<CompilationStartAnalysisContext> action) => anyCompilationStart = true;

        public override void RegisterCompilationAction(Action<CompilationAnalysisContext> action) => anyOtherAction = true;

        public override void RegisterSemanticModelAction(Action<SemanticModelAnalysisContext> action) => anyOtherAction = true;

        public override void RegisterSymbolAction(Action<SymbolAnalysisContext> action, ImmutableArray<SymbolKind> symbolKinds) => anyOtherAction = true;

        public override void RegisterCodeBlockStartAction<TLanguageKindEnum>(Action<CodeBlockStartAnalysisContext<TLanguageKindEnum>> action) => anyOtherAction = true;

        public override void RegisterCodeBlockAction(Action<CodeBlockAnalysisContext> action) => anyOtherAction = true;

        public override void RegisterSyntaxTreeAction(Action<SyntaxTreeAnalysisContext> action) => anyOtherAction = true;

        public override void RegisterSyntaxNodeAction<TLanguageKindEnum>(Action<SyntaxNodeAnalysisContext> action, ImmutableArray<TLanguageKindEnum> syntaxKinds) => anyOtherAction = true;

        public override void RegisterOperationAction(Action<OperationAnalysisContext> action, ImmutableArray<OperationKind> operationKinds) => anyOtherAction = true;

        public override void RegisterOperationBlockAction(Action<OperationBlockAnalysisContext> action) => anyOtherAction = true;

        public override void RegisterOperationBlockStartAction(Action<OperationBlockStartAnalysisContext> action) => anyOtherAction = true;

        public override void RegisterSymbolStartAction(Action<SymbolStartAnalysisContext> action, SymbolKind symbolKind) => anyOtherAction = true;

        public override void RegisterAdditionalFileAction(Action<AdditionalFileAnalysisContext> action) => anyOtherAction = true;
    }
}

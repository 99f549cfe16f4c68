using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Model;
using Xunit;

namespace Resourceful.Generators.Tests;

/// <summary>
/// The models that flow between incremental steps hold only values (STYLE.md "Models"): a symbol, syntax node,
/// compilation or location in them pins a whole compilation in memory and defeats Roslyn's caching.
/// </summary>
public sealed class ModelHygieneTests
{
    private const string Source = """
        using System;
        using System.Collections.Generic;
        using System.Threading;
        using System.Threading.Tasks;
        using Microsoft.AspNetCore.Http;
        using Microsoft.AspNetCore.Http.HttpResults;
        using Microsoft.AspNetCore.Mvc;
        using Resourceful;

        namespace Shop
        {
            public enum Genre { Fiction, Poetry }

            public sealed record Book(int Id, string Title, Genre Genre);

            public sealed record NewBook(string Title, Genre Genre);

            public interface IBookStore
            {
                IReadOnlyList<Book> List(Genre? genre);
            }

            public sealed class Filter
            {
                [FromQuery(Name = "q")]
                public string? Text { get; set; }

                [FromHeader(Name = "X-Region")]
                public string? Region { get; set; }
            }

            [Resource("/shelves/{shelf}/books")]
            public sealed partial class Books(IBookStore store)
            {
                [Get]
                public IReadOnlyList<Book> List(string shelf, Genre? genre, [AsParameters] Filter filter, string[] tags) => store.List(genre);

                [Get("{id:int}")]
                public Results<Ok<Book>, NotFound> Find(string shelf, int id) => TypedResults.NotFound();

                [Post]
                public async Task<Created<Book>> Add(string shelf, NewBook body, CancellationToken ct)
                {
                    await Task.Delay(1, ct);
                    return TypedResults.Created(Links.Find(shelf, 1), new Book(1, body.Title, body.Genre));
                }

                [Delete("{id:int}")]
                public static void Remove(string shelf, int id, HttpContext context) { }
            }

            public static partial class Admin
            {
                [Resource("/admin/books")]
                public sealed partial class Books
                {
                    [Get("{**path}")]
                    public ValueTask<string> Browse(string? path, [FromHeader(Name = "X-Admin")] string admin) => ValueTask.FromResult(path ?? admin);
                }
            }
        }
        """;

    /// <summary>What must never be reachable from a step's output. Tokens, trivia, references and attribute data
    /// are listed too: each holds a node or a symbol, and naming them makes the failure clearer.</summary>
    private static readonly Type[] BannedTypes =
    [
        typeof(Compilation),
        typeof(ISymbol),
        typeof(SyntaxNode),
        typeof(SyntaxTree),
        typeof(SemanticModel),
        typeof(Location),
        typeof(SyntaxToken),
        typeof(SyntaxTrivia),
        typeof(SyntaxReference),
        typeof(AttributeData),
        typeof(TypedConstant),
    ];

    [Fact]
    public void StepOutputs_RepresentativeSource_HoldNoCompilerObjects()
    {
        var run = TestHelpers.RunGenerator(Source);
        TestHelpers.AssertCompilesCleanly(run);

        var problems = new List<string>();
        foreach (var name in TestHelpers.TrackingStepNames)
        {
            var outputs = TestHelpers.StepOutputs(run.GeneratorResult, name).ToArray();
            for (var i = 0; i < outputs.Length; i++)
            {
                Walk(outputs[i].Value, $"{name}[{i}]", new HashSet<object>(ReferenceEqualityComparer.Instance), problems, depth: 0);
            }
        }

        Assert.True(problems.Count == 0, "Step outputs reach compiler objects:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Distinct()));
        Assert.NotEmpty(TestHelpers.StepOutputs(run.GeneratorResult, TrackingNames.Resources));
    }

    [Fact]
    public void ModelTypes_EveryField_DeclaresNoCompilerType()
    {
        // Catches a field that happens to be null or empty in every test input, which the object walk cannot see.
        var modelTypes = typeof(ResourceModel).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ResourceModel).Namespace)
            .ToArray();

        var problems = modelTypes
            .SelectMany(t => AllInstanceFields(t).Select(f => (Type: t, Field: f)))
            .Where(x => MentionsBannedType(x.Field.FieldType))
            .Select(x => $"{x.Type.Name}.{FieldName(x.Field)} is a {x.Field.FieldType}")
            .ToArray();

        Assert.NotEmpty(modelTypes);
        Assert.True(problems.Length == 0, "Model fields typed as compiler objects:" + Environment.NewLine + string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void Models_SameSourceInTwoCompilations_AreEqualWithEqualHashes()
    {
        var first = TestHelpers.RunGenerator(Source);
        var second = TestHelpers.RunGenerator(Source);

        var problems = new List<string>();
        foreach (var name in TestHelpers.TrackingStepNames)
        {
            var a = TestHelpers.StepOutputs(first.GeneratorResult, name).Select(o => o.Value).ToArray();
            var b = TestHelpers.StepOutputs(second.GeneratorResult, name).Select(o => o.Value).ToArray();
            if (a.Length != b.Length)
            {
                problems.Add($"step '{name}': {a.Length} outputs, then {b.Length}");
                continue;
            }

            for (var i = 0; i < a.Length; i++)
            {
                CompareValues(a[i], b[i], $"{name}[{i}]", problems);
            }
        }

        Assert.True(problems.Count == 0, "Two parses of the same source disagree:" + Environment.NewLine + string.Join(Environment.NewLine, problems));

        var models = TestHelpers.StepOutputs(first.GeneratorResult, TrackingNames.Resources).Select(o => o.Value).OfType<ResourceModel>().ToArray();
        Assert.Equal(2, models.Length);
    }

    [Fact]
    public void Walk_ValueReachingCompilerObjects_ReportsEachPath()
    {
        // The walk above passes when it finds nothing, so prove that it finds what it looks for: a tree inside a
        // tuple, a location inside an object array, and a symbol-typed field that happens to be empty.
        var compilation = TestHelpers.CreateCompilation("class C { }");
        var tree = compilation.SyntaxTrees.Single();
        var value = (Name: "C", Parts: new object[] { 1, "two", Location.Create(tree, default) }, Tree: tree, Symbols: ImmutableArray<ISymbol>.Empty);

        var problems = new List<string>();
        Walk(value, "value", new HashSet<object>(ReferenceEqualityComparer.Instance), problems, depth: 0);

        Assert.Contains(problems, p => p.StartsWith("value.Item2[2] is a ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("value.Item3 is declared as ", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("value.Item4 is declared as ", StringComparison.Ordinal));
        Assert.Equal(3, problems.Count);
    }

    /// <summary>
    /// Compares two step outputs the way Roslyn's cache does. <see cref="ImmutableArray{T}"/> (what <c>Collect()</c>
    /// produces) and tuples of it (what <c>Combine()</c> produces) are compared element by element, because
    /// ImmutableArray's own Equals compares references and Roslyn compares a collected step's elements itself;
    /// everything the generator defines must have value equality and a matching hash.
    /// </summary>
    private static void CompareValues(object? a, object? b, string path, List<string> problems)
    {
        if (a is null || b is null)
        {
            if (a is not null || b is not null)
            {
                problems.Add($"{path}: {TestHelpers.Describe(a)} vs {TestHelpers.Describe(b)}");
            }

            return;
        }

        if (IsImmutableArray(a.GetType()) && IsImmutableArray(b.GetType()))
        {
            var left = ((IEnumerable)a).Cast<object?>().ToArray();
            var right = ((IEnumerable)b).Cast<object?>().ToArray();
            if (left.Length != right.Length)
            {
                problems.Add($"{path}: {left.Length} elements vs {right.Length}");
                return;
            }

            for (var i = 0; i < left.Length; i++)
            {
                CompareValues(left[i], right[i], $"{path}[{i}]", problems);
            }

            return;
        }

        if (a is ITuple leftTuple && b is ITuple rightTuple && a.GetType().IsValueType)
        {
            for (var i = 0; i < leftTuple.Length; i++)
            {
                CompareValues(leftTuple[i], rightTuple[i], $"{path}.Item{i + 1}", problems);
            }

            return;
        }

        if (!a.Equals(b))
        {
            problems.Add($"{path}: not Equal: {TestHelpers.Describe(a)} vs {TestHelpers.Describe(b)}");
        }
        else if (a.GetHashCode() != b.GetHashCode())
        {
            problems.Add($"{path}: Equal but hash codes differ: {TestHelpers.Describe(a)}");
        }
    }

    private static void Walk(object? value, string path, HashSet<object> visited, List<string> problems, int depth)
    {
        if (value is null)
        {
            return;
        }

        var type = value.GetType();
        if (BannedTypes.Any(banned => banned.IsAssignableFrom(type)))
        {
            problems.Add($"{path} is a {type.FullName}");
            return;
        }

        if (type.IsPrimitive || type.IsEnum || type.IsPointer || value is string or decimal or Type or MemberInfo or Delegate)
        {
            return;
        }

        if (!type.IsValueType && !visited.Add(value))
        {
            return;
        }

        if (depth > 100)
        {
            problems.Add($"{path}: the model nests more than 100 levels deep");
            return;
        }

        if (value is Array array)
        {
            var index = 0;
            foreach (var element in array)
            {
                Walk(element, $"{path}[{index++}]", visited, problems, depth + 1);
            }

            return;
        }

        // Fields, not properties: they are what the object actually holds, including private ones such as
        // EquatableArray's item array, ImmutableArray's array and a record's backing fields.
        foreach (var field in AllInstanceFields(type))
        {
            var fieldPath = $"{path}.{FieldName(field)}";
            if (MentionsBannedType(field.FieldType))
            {
                problems.Add($"{fieldPath} is declared as {field.FieldType}");
                continue;
            }

            Walk(field.GetValue(value), fieldPath, visited, problems, depth + 1);
        }
    }

    private static IEnumerable<FieldInfo> AllInstanceFields(Type type)
    {
        for (var current = type; current is not null && current != typeof(object); current = current.BaseType)
        {
            foreach (var field in current.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                yield return field;
            }
        }
    }

    private static bool MentionsBannedType(Type type)
    {
        if (BannedTypes.Any(banned => banned.IsAssignableFrom(type)))
        {
            return true;
        }

        if (type.HasElementType)
        {
            return MentionsBannedType(type.GetElementType()!);
        }

        return type.IsGenericType && type.GetGenericArguments().Any(MentionsBannedType);
    }

    private static bool IsImmutableArray(Type type)
        => type.IsGenericType && type.GetGenericTypeDefinition() == typeof(ImmutableArray<>);

    /// <summary>A record's <c>&lt;Name&gt;k__BackingField</c> reads as <c>Name</c>.</summary>
    private static string FieldName(FieldInfo field)
        => field.Name.StartsWith('<') && field.Name.IndexOf('>', StringComparison.Ordinal) is > 1 and var end
            ? field.Name[1..end]
            : field.Name;
}

using System;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// 64-bit hashes of everything in a compilation that a <see cref="Model.ResourceModel"/> can depend on, split in two:
/// <see cref="Sources"/> covers the declarations of every source file, and <see cref="Environment"/> the
/// assembly name, the options and the metadata references. Two compilations with equal fingerprints give every
/// resource the same model, which is what lets <see cref="ResourceParser"/> skip the parse after an edit inside a
/// method body (see <c>docs/benchmarks.md</c>, finding F5).
/// </summary>
/// <remarks>
/// <para>
/// The parser reads symbols only: types, members, signatures, attributes, constants, modifiers. None of them
/// depends on a member body, so <see cref="Sources"/> hashes every token of every file except those inside
/// method, constructor, operator, accessor and local-function bodies, expression bodies and top-level
/// statements. Directives are hashed wherever they are (a <c>#nullable</c> inside a body changes what follows),
/// and so are documentation comments, each language version and the nullable context. Whitespace and comments
/// are not tokens and are left out.
/// </para>
/// <para>
/// A metadata reference counts by content: the module version ids of its metadata (a deterministic build
/// changes them exactly when the content changes), or, for a project reference in the IDE, the referenced
/// compilation's own fingerprint. Should the parser ever read something else (a member body, a documentation
/// comment's text, an analyzer option), this hash must cover it too: the incremental tests compare every
/// re-run with a fresh run to catch that.
/// </para>
/// <para>
/// Results are kept per <see cref="SyntaxTree"/>, <see cref="Compilation"/> and <see cref="MetadataReference"/>
/// object in <see cref="ConditionalWeakTable{TKey, TValue}"/>s, which hold no key alive: after a keystroke only
/// the edited file is hashed again.
/// </para>
/// </remarks>
internal readonly struct DeclarationFingerprint(ulong sources, ulong environment)
{
    private static readonly ConditionalWeakTable<Compilation, StrongBox<DeclarationFingerprint>> ByCompilation = new();
    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<ulong>> ByTree = new();
    private static readonly ConditionalWeakTable<MetadataReference, StrongBox<ulong>> ByReference = new();
    private static long unknownReferences;

    /// <summary>The declarations of every source file, in the compilation's order.</summary>
    public ulong Sources { get; } = sources;

    /// <summary>The assembly name, the options that change symbols, and every metadata reference.</summary>
    public ulong Environment { get; } = environment;

    /// <summary>The fingerprint of <paramref name="compilation"/>, computed once per compilation object.</summary>
    public static DeclarationFingerprint Of(Compilation compilation, CancellationToken cancellationToken)
    {
        if (ByCompilation.TryGetValue(compilation, out var known))
        {
            return known.Value;
        }

        var sources = Fnv.Start;
        foreach (var tree in compilation.SyntaxTrees)
        {
            cancellationToken.ThrowIfCancellationRequested();
            sources = Fnv.Add(sources, OfTree(tree, cancellationToken));
        }

        var environment = Fnv.Add(Fnv.Start, compilation.AssemblyName ?? string.Empty);
        environment = Fnv.Add(environment, (ulong)compilation.Options.MetadataImportOptions);
        if (compilation.Options is CSharpCompilationOptions csharp)
        {
            environment = Fnv.Add(environment, (ulong)csharp.NullableContextOptions);
        }

        foreach (var reference in compilation.References)
        {
            cancellationToken.ThrowIfCancellationRequested();
            environment = Fnv.Add(environment, OfReference(reference, cancellationToken));
        }

        var fingerprint = new DeclarationFingerprint(sources, environment);
        return ByCompilation.GetValue(compilation, _ => new StrongBox<DeclarationFingerprint>(fingerprint)).Value;
    }

    private static ulong OfTree(SyntaxTree tree, CancellationToken cancellationToken)
    {
        if (ByTree.TryGetValue(tree, out var known))
        {
            return known.Value;
        }

        var hash = Fnv.Add(Fnv.Start, tree.FilePath);
        if (tree.Options is CSharpParseOptions options)
        {
            hash = Fnv.Add(hash, (ulong)options.LanguageVersion);
        }

        foreach (var item in tree.GetRoot(cancellationToken).DescendantNodesAndTokens(static node => !IsBody(node)))
        {
            if (item.IsToken)
            {
                var token = item.AsToken();
                hash = AddStructuredTrivia(hash, token.LeadingTrivia);
                hash = Fnv.Add(hash, (ulong)token.RawKind);
                hash = Fnv.Add(hash, token.Text);
                hash = AddStructuredTrivia(hash, token.TrailingTrivia);
            }
            else if (item.AsNode() is { } node && IsBody(node))
            {
                cancellationToken.ThrowIfCancellationRequested();
                hash = Fnv.Add(hash, "{body}");
                if (node.ContainsDirectives)
                {
                    foreach (var trivia in node.DescendantTrivia())
                    {
                        if (trivia.IsDirective)
                        {
                            hash = Fnv.Add(hash, trivia.ToString());
                        }
                    }
                }
            }
        }

        return ByTree.GetValue(tree, _ => new StrongBox<ulong>(hash)).Value;
    }

    /// <summary>Directives, documentation comments and skipped tokens; not whitespace or plain comments.</summary>
    private static ulong AddStructuredTrivia(ulong hash, SyntaxTriviaList trivia)
    {
        foreach (var item in trivia)
        {
            if (item.HasStructure)
            {
                hash = Fnv.Add(hash, item.ToString());
            }
        }

        return hash;
    }

    /// <summary>A member body: nothing in it changes a symbol the parser reads.</summary>
    private static bool IsBody(SyntaxNode node) => node switch
    {
        GlobalStatementSyntax => true,
        BlockSyntax or ArrowExpressionClauseSyntax => node.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax
            or LocalFunctionStatementSyntax or BasePropertyDeclarationSyntax,
        _ => false,
    };

    private static ulong OfReference(MetadataReference reference, CancellationToken cancellationToken)
    {
        if (ByReference.TryGetValue(reference, out var known))
        {
            return known.Value;
        }

        var hash = Fnv.Add(Fnv.Start, (ulong)reference.Properties.Kind);
        hash = Fnv.Add(hash, reference.Properties.EmbedInteropTypes ? 1UL : 0UL);
        foreach (var alias in reference.Properties.Aliases)
        {
            hash = Fnv.Add(hash, alias);
        }

        switch (reference)
        {
            case CompilationReference project:
                var fingerprint = Of(project.Compilation, cancellationToken);
                hash = Fnv.Add(Fnv.Add(hash, fingerprint.Sources), fingerprint.Environment);
                break;
            case PortableExecutableReference file when TryGetModuleVersionIds(file, out var ids):
                foreach (var id in ids)
                {
                    hash = Fnv.Add(hash, id.ToString("N"));
                }

                break;
            default:
                // Content unknown: every such reference object gets a number of its own, so a new one re-parses.
                hash = Fnv.Add(Fnv.Add(hash, reference.Display ?? string.Empty), (ulong)Interlocked.Increment(ref unknownReferences));
                break;
        }

        return ByReference.GetValue(reference, _ => new StrongBox<ulong>(hash)).Value;
    }

    private static bool TryGetModuleVersionIds(PortableExecutableReference reference, out ImmutableArray<Guid> ids)
    {
        try
        {
            switch (reference.GetMetadata())
            {
                case AssemblyMetadata assembly:
                    var builder = ImmutableArray.CreateBuilder<Guid>();
                    foreach (var module in assembly.GetModules())
                    {
                        builder.Add(module.GetModuleVersionId());
                    }

                    ids = builder.ToImmutable();
                    return true;
                case ModuleMetadata module:
                    ids = [module.GetModuleVersionId()];
                    return true;
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // Unreadable metadata (the compiler reports it): fall back to the reference's identity.
        }

        ids = default;
        return false;
    }

    /// <summary>FNV-1a, 64 bits: cheap, allocation-free and good enough to tell declarations apart.</summary>
    private static class Fnv
    {
        public const ulong Start = 14695981039346656037UL;
        private const ulong Prime = 1099511628211UL;

        public static ulong Add(ulong hash, ulong value)
        {
            for (var i = 0; i < 8; i++)
            {
                hash = (hash ^ (value & 0xFF)) * Prime;
                value >>= 8;
            }

            return hash;
        }

        public static ulong Add(ulong hash, string value)
        {
            foreach (var c in value)
            {
                hash = (hash ^ (c & 0xFFu)) * Prime;
                hash = (hash ^ ((uint)c >> 8)) * Prime;
            }

            // The length ends the string, so "ab" + "c" and "a" + "bc" differ.
            return Add(hash, (ulong)value.Length);
        }
    }
}

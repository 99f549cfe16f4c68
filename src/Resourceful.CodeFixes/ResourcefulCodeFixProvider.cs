using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.Editing;

namespace Resourceful.CodeFixes;

/// <summary>
/// The shape every Resourceful code fix shares: find the node a diagnostic points at, offer what can be done there,
/// apply it. A provider says only which fixes a diagnostic gets (<see cref="GetFixes"/>); this class registers them
/// and fixes them all at once (document, project, solution) with one <see cref="SyntaxEditor"/> per document.
/// </summary>
/// <remarks>
/// Fix All never asks <see cref="RegisterCodeFixesAsync"/> which action to batch, so it does not depend on the
/// action its caller saw. <c>dotnet format</c> builds its Fix All context from the first diagnostic of its analysis
/// (whatever its id: one analyzer reports every RSF rule) and takes the equivalence key of whatever action this
/// provider registered for it, often none; <see cref="WellKnownFixAllProviders.BatchFixer"/> then matched no
/// action and "didn't return a Fix All action". Here a key that no fix of a diagnostic has, or none, means each
/// diagnostic's first fix.
/// </remarks>
public abstract class ResourcefulCodeFixProvider : CodeFixProvider
{
    private readonly FixAllProvider fixAllProvider;

    /// <summary>Creates the provider and its Fix All.</summary>
    protected ResourcefulCodeFixProvider()
    {
        fixAllProvider = FixAllProvider.Create(FixAllInDocumentAsync);
    }

    /// <summary>Whether <see cref="GetFixes"/> reads the semantic model (<see cref="CodeFixSite.Model"/>).</summary>
    protected virtual bool NeedsSemanticModel => false;

    /// <inheritdoc />
    public sealed override FixAllProvider GetFixAllProvider() => fixAllProvider;

    /// <inheritdoc />
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var document = context.Document;
        var site = await CodeFixSite.CreateAsync(document, NeedsSemanticModel, context.CancellationToken).ConfigureAwait(false);
        if (site is null)
        {
            return;
        }

        foreach (var diagnostic in context.Diagnostics)
        {
            // Callers may pass diagnostics of other rules (dotnet format does): a fix for them would carry an
            // equivalence key this provider never batches.
            if (!FixableDiagnosticIds.Contains(diagnostic.Id))
            {
                continue;
            }

            foreach (var fix in GetFixes(site.For(diagnostic)))
            {
                context.RegisterCodeFix(fix.ToCodeAction(document, site.Root), diagnostic);
            }
        }
    }

    /// <summary>
    /// The fixes for the diagnostic <paramref name="site"/> points at, the preferred one first; none when the code
    /// is not what the fix expects (broken code, or a case whose right edit is the user's call).
    /// </summary>
    protected abstract IEnumerable<ProposedFix> GetFixes(CodeFixSite site);

    // Every edit goes through one editor on the document's original tree, so edits of nested or shared nodes (two
    // handlers of one class, the types around two resources) compose instead of conflicting. In source order, so
    // the result is what applying one fix after another would give (parameters added in template order).
    private async Task<Document?> FixAllInDocumentAsync(FixAllContext context, Document document, ImmutableArray<Diagnostic> diagnostics)
    {
        var cancellationToken = context.CancellationToken;
        var site = await CodeFixSite.CreateAsync(document, NeedsSemanticModel, cancellationToken).ConfigureAwait(false);
        if (site is null)
        {
            return document;
        }

        var editor = new SyntaxEditor(site.Root, document.Project.Solution.Services);
        foreach (var diagnostic in diagnostics.Where(d => FixableDiagnosticIds.Contains(d.Id)).OrderBy(static d => d.Location.SourceSpan.Start))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fixes = GetFixes(site.For(diagnostic)).ToList();
            var chosen = fixes.FirstOrDefault(f => f.EquivalenceKey == context.CodeActionEquivalenceKey) ?? fixes.FirstOrDefault();
            chosen?.Edit(editor);
        }

        return document.WithSyntaxRoot(editor.GetChangedRoot());
    }
}

/// <summary>Where a fix applies: the document, its syntax root, its semantic model when asked for, and the diagnostic.</summary>
public sealed class CodeFixSite
{
    private readonly Diagnostic? diagnostic;

    private CodeFixSite(Document document, SyntaxNode root, SemanticModel? model, Diagnostic? diagnostic, CancellationToken cancellationToken)
    {
        Document = document;
        Root = root;
        Model = model;
        this.diagnostic = diagnostic;
        CancellationToken = cancellationToken;
    }

    /// <summary>The document the diagnostic is in.</summary>
    public Document Document { get; }

    /// <summary>The document's syntax root, as the analyzer saw it.</summary>
    public SyntaxNode Root { get; }

    /// <summary>The semantic model, when the provider asked for it.</summary>
    public SemanticModel? Model { get; }

    /// <summary>The diagnostic to fix.</summary>
    public Diagnostic Diagnostic => diagnostic ?? throw new InvalidOperationException("No diagnostic: call For(diagnostic) first.");

    /// <summary>Cancels the work.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>The node of the token the diagnostic starts at: an identifier's declaration, a literal, a parameter.</summary>
    public SyntaxNode? Node => Root.FindToken(Diagnostic.Location.SourceSpan.Start).Parent;

    /// <summary>A property the analyzer attached for the fix, or null.</summary>
    public string? Property(string name) => Diagnostic.Properties.TryGetValue(name, out var value) ? value : null;

    internal static async Task<CodeFixSite?> CreateAsync(Document document, bool withModel, CancellationToken cancellationToken)
    {
        var root = await document.GetSyntaxRootAsync(cancellationToken).ConfigureAwait(false);
        var model = withModel ? await document.GetSemanticModelAsync(cancellationToken).ConfigureAwait(false) : null;
        return root is null || (withModel && model is null) ? null : new CodeFixSite(document, root, model, null, cancellationToken);
    }

    internal CodeFixSite For(Diagnostic diagnostic) => new(Document, Root, Model, diagnostic, CancellationToken);
}

/// <summary>One fix a diagnostic is offered: its title, its equivalence key, and its edit of the document.</summary>
public sealed class ProposedFix
{
    private readonly Func<Solution, CancellationToken, Task<Solution>>? changeSolution;

    /// <summary>
    /// A fix that edits its own document. <paramref name="edit"/> must edit the nodes of the original tree through
    /// the editor, building each replacement from the current node it is given, so that it composes with others.
    /// </summary>
    public ProposedFix(string title, string equivalenceKey, Action<SyntaxEditor> edit, Func<Solution, CancellationToken, Task<Solution>>? changeSolution = null)
    {
        Title = title;
        EquivalenceKey = equivalenceKey;
        Edit = edit;
        this.changeSolution = changeSolution;
    }

    /// <summary>What the light bulb shows.</summary>
    public string Title { get; }

    /// <summary>Which fixes Fix All applies together: the rule's id, with a suffix when a rule has several fixes.</summary>
    public string EquivalenceKey { get; }

    /// <summary>The edit of the document, as Fix All applies it.</summary>
    public Action<SyntaxEditor> Edit { get; }

    // The edit names nodes of root, the tree GetFixes saw.
    internal CodeAction ToCodeAction(Document document, SyntaxNode root)
    {
        if (changeSolution is { } change)
        {
            // A single fix may reach beyond its document (a rename updates every use); Fix All keeps to the editor.
            return CodeAction.Create(Title, cancellationToken => change(document.Project.Solution, cancellationToken), EquivalenceKey);
        }

        return CodeAction.Create(
            Title,
            _ =>
            {
                var editor = new SyntaxEditor(root, document.Project.Solution.Services);
                Edit(editor);
                return Task.FromResult(document.WithSyntaxRoot(editor.GetChangedRoot()));
            },
            EquivalenceKey);
    }
}

using System.Collections.Generic;
using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Formatting;
using Microsoft.CodeAnalysis.Simplification;
using Resourceful.Generators.Diagnostics;

namespace Resourceful.CodeFixes;

/// <summary>
/// RSF0104: makes a creating POST answer <c>201 Created</c> with the generated link. The return type
/// <c>T</c> becomes <c>Created&lt;T&gt;</c> (or <c>Ok&lt;T&gt;</c> inside it becomes <c>Created&lt;T&gt;</c>), and
/// every returned value <c>v</c> becomes <c>TypedResults.Created(Links.Find(v.Id), v)</c>. Offered only when
/// the analyzer found the link, and only when every return can be rewritten.
/// </summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(ReturnCreatedCodeFixProvider)), Shared]
public sealed class ReturnCreatedCodeFixProvider : ResourcefulCodeFixProvider
{
    private const string TypedResults = "global::Microsoft.AspNetCore.Http.TypedResults";
    private const string CreatedType = "global::Microsoft.AspNetCore.Http.HttpResults.Created";

    /// <inheritdoc />
    public override ImmutableArray<string> FixableDiagnosticIds { get; } = ImmutableArray.Create(DiagnosticIds.CreateWithoutCreated);

    /// <inheritdoc />
    protected override bool NeedsSemanticModel => true;

    /// <inheritdoc />
    protected override IEnumerable<ProposedFix> GetFixes(CodeFixSite site)
    {
        if (site.Property(DiagnosticProperties.LinkExpression) is not { } link
            || site.Property(DiagnosticProperties.ResultShape) is not { } shape
            || site.Node is not MethodDeclarationSyntax method
            || site.Model is not { } model
            || Rewrite(method, model, link, shape, site.CancellationToken) is not { } rewritten)
        {
            yield break;
        }

        yield return new ProposedFix(
            "Answer 201 Created with the new resource's link",
            site.Diagnostic.Id,
            editor => editor.Replace(method, _ => rewritten));
    }

    private static MethodDeclarationSyntax? Rewrite(MethodDeclarationSyntax method, SemanticModel model, string link, string shape, CancellationToken cancellationToken)
    {
        var newReturnType = shape == DiagnosticProperties.ShapeValue ? WrapValueType(method.ReturnType) : RenameOk(method.ReturnType);
        if (newReturnType is null)
        {
            return null;
        }

        var local = FreeName(method, model, "created");

        // What to rewrite, found on the original tree (the semantic model knows only that one).
        var values = new List<ExpressionSyntax>();
        if (shape == DiagnosticProperties.ShapeValue)
        {
            if (method.ExpressionBody is { } arrow)
            {
                values.Add(arrow.Expression);
            }
            else if (method.Body is { } body)
            {
                values.AddRange(OwnNodes(body).OfType<ReturnStatementSyntax>().Select(static r => r.Expression).OfType<ExpressionSyntax>());
            }
        }
        else
        {
            foreach (var invocation in OwnNodes((SyntaxNode?)method.Body ?? method.ExpressionBody!).OfType<InvocationExpressionSyntax>())
            {
                if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol { Name: "Ok" } ok
                    && ok.ContainingType?.ToDisplayString() == "Microsoft.AspNetCore.Http.TypedResults"
                    && invocation.ArgumentList.Arguments.Count == 1)
                {
                    values.Add(invocation);
                }
            }
        }

        if (values.Count == 0)
        {
            return null;
        }

        // A value used twice (the link and the body) must be evaluated once: inline it when it is a plain name,
        // otherwise give it a local, which needs a return statement (or expression body) to put it before.
        foreach (var value in values)
        {
            var created = CreatedArgument(value, shape);
            if (created is null || (!IsPlain(created) && ReturnOwner(value, shape) is null))
            {
                return null;
            }
        }

        var tracked = method.TrackNodes(values.Concat(values.Select(v => ReturnOwner(v, shape)).OfType<SyntaxNode>()));
        foreach (var value in values)
        {
            var created = CreatedArgument(value, shape)!;
            if (IsPlain(created))
            {
                var current = tracked.GetCurrentNode(value)!;
                tracked = tracked.ReplaceNode(current, CreatedCall(link, created.WithoutTrivia()).WithTriviaFrom(current));
                continue;
            }

            // The value is all its owner returns (ReturnOwner checked that): declare it, then return the result.
            var owner = ReturnOwner(value, shape)!;
            var declaration = SyntaxFactory.ParseStatement($"var {local} = {created.WithoutTrivia()};");
            var newReturn = SyntaxFactory.ReturnStatement(CreatedCall(link, SyntaxFactory.IdentifierName(local)));
            if (owner is ReturnStatementSyntax)
            {
                var ret = tracked.GetCurrentNode(owner)!;
                tracked = ret.Parent is BlockSyntax
                    ? tracked.ReplaceNode(ret, new SyntaxNode[]
                    {
                        declaration.WithLeadingTrivia(ret.GetLeadingTrivia()).WithAdditionalAnnotations(Formatter.Annotation),
                        newReturn.WithTrailingTrivia(ret.GetTrailingTrivia()).WithAdditionalAnnotations(Formatter.Annotation),
                    })
                    : tracked.ReplaceNode(ret, SyntaxFactory.Block(declaration, newReturn).WithAdditionalAnnotations(Formatter.Annotation));
            }
            else
            {
                var block = SyntaxFactory.Block(declaration, newReturn).WithAdditionalAnnotations(Formatter.Annotation);
                tracked = tracked.WithExpressionBody(null).WithSemicolonToken(default).WithBody(block);
            }
        }

        return tracked.WithReturnType(newReturnType.WithTriviaFrom(method.ReturnType)).WithAdditionalAnnotations(Formatter.Annotation);
    }

    // Nodes of the method itself, not of lambdas or local functions inside it, which return their own values.
    private static IEnumerable<SyntaxNode> OwnNodes(SyntaxNode node) =>
        node.DescendantNodesAndSelf(static n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax));

    // The created value: the returned expression itself, or the argument of TypedResults.Ok(...).
    private static ExpressionSyntax? CreatedArgument(ExpressionSyntax value, string shape) =>
        shape == DiagnosticProperties.ShapeValue
            ? value
            : value is InvocationExpressionSyntax invocation ? invocation.ArgumentList.Arguments[0].Expression : null;

    // The statement (or expression body) a local can be declared before, when the value is all that it returns.
    private static SyntaxNode? ReturnOwner(ExpressionSyntax value, string shape)
    {
        var parent = value.Parent;
        if (shape == DiagnosticProperties.ShapeOk && parent is AwaitExpressionSyntax)
        {
            return null;
        }

        return parent switch
        {
            ReturnStatementSyntax ret => ret,
            ArrowExpressionClauseSyntax { Parent: MethodDeclarationSyntax } arrow => arrow,
            _ => null,
        };
    }

    private static bool IsPlain(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax => true,
        ThisExpressionSyntax => true,
        MemberAccessExpressionSyntax { Expression: var inner } => IsPlain(inner),
        _ => false,
    };

    private static ExpressionSyntax CreatedCall(string link, ExpressionSyntax value)
    {
        var uri = SyntaxFactory.ParseExpression(link.Replace(DiagnosticProperties.ValuePlaceholder, value.ToString()));
        return SyntaxFactory.InvocationExpression(
                SyntaxFactory.MemberAccessExpression(SyntaxKind.SimpleMemberAccessExpression, SyntaxEdits.QualifiedName(TypedResults), SyntaxFactory.IdentifierName("Created")),
                SyntaxFactory.ArgumentList(SyntaxFactory.SeparatedList(new[] { SyntaxFactory.Argument(uri), SyntaxFactory.Argument(value) })))
            .WithAdditionalAnnotations(Simplifier.Annotation);
    }

    // T → Created<T>; Task<T> → Task<Created<T>>.
    private static TypeSyntax? WrapValueType(TypeSyntax returnType)
    {
        static TypeSyntax Created(TypeSyntax inner) =>
            SyntaxFactory.QualifiedName(
                    (NameSyntax)SyntaxFactory.ParseName("global::Microsoft.AspNetCore.Http.HttpResults"),
                    SyntaxFactory.GenericName(SyntaxFactory.Identifier("Created"), SyntaxFactory.TypeArgumentList(SyntaxFactory.SingletonSeparatedList(inner.WithoutTrivia()))))
                .WithAdditionalAnnotations(Simplifier.Annotation);

        var task = returnType switch
        {
            GenericNameSyntax generic => generic,
            QualifiedNameSyntax { Right: GenericNameSyntax generic } => generic,
            _ => null,
        };
        if (task is { Identifier.ValueText: "Task" or "ValueTask", TypeArgumentList.Arguments.Count: 1 })
        {
            var inner = task.TypeArgumentList.Arguments[0];
            return returnType.ReplaceNode(inner, Created(inner));
        }

        return Created(returnType);
    }

    // Results<Ok<T>, …> → Results<Created<T>, …>.
    private static TypeSyntax? RenameOk(TypeSyntax returnType)
    {
        var oks = returnType.DescendantNodesAndSelf().OfType<GenericNameSyntax>()
            .Where(static g => g.Identifier.ValueText == "Ok" && g.TypeArgumentList.Arguments.Count == 1)
            .ToList();
        if (oks.Count != 1)
        {
            return null;
        }

        return returnType.ReplaceNode(oks[0], oks[0].WithIdentifier(SyntaxFactory.Identifier("Created").WithTriviaFrom(oks[0].Identifier)));
    }

    private static string FreeName(MethodDeclarationSyntax method, SemanticModel model, string name)
    {
        var taken = new HashSet<string>(method.ParameterList.Parameters.Select(static p => p.Identifier.ValueText));
        foreach (var node in method.DescendantNodes())
        {
            if (node is VariableDeclaratorSyntax variable)
            {
                taken.Add(variable.Identifier.ValueText);
            }
            else if (node is SingleVariableDesignationSyntax designation)
            {
                taken.Add(designation.Identifier.ValueText);
            }
        }

        if (method.Body is { } body)
        {
            foreach (var symbol in model.LookupSymbols(body.SpanStart))
            {
                if (symbol is IFieldSymbol or IPropertySymbol or ILocalSymbol or IParameterSymbol)
                {
                    taken.Add(symbol.Name);
                }
            }
        }

        var candidate = name;
        for (var i = 2; taken.Contains(candidate); i++)
        {
            candidate = name + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return candidate;
    }
}

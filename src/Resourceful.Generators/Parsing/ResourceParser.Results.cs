using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Parsing;

/// <summary>Results: what a handler returns, read from its return type at compile time (kind, typed results, status codes).</summary>
internal static partial class ResourceParser
{
    private static ResultModel? ParseResult(ITypeSymbol returnType, Dictionary<string, TypeShapeModel> shapes, KnownTypes known)
    {
        if (ContainsErrorType(returnType))
        {
            return null;
        }

        var awaitKind = AwaitKind.None;
        if (returnType is INamedTypeSymbol named)
        {
            var isTask = KnownTypes.Is(named, known.Task) || KnownTypes.Is(named, known.TaskOfT);
            if (isTask || KnownTypes.Is(named, known.ValueTask) || KnownTypes.Is(named, known.ValueTaskOfT))
            {
                awaitKind = isTask ? AwaitKind.Task : AwaitKind.ValueTask;
                if (named.TypeArguments.Length == 0)
                {
                    return NoContent(awaitKind);
                }

                returnType = named.TypeArguments[0];
            }
        }

        if (returnType.SpecialType == SpecialType.System_Void)
        {
            return NoContent(awaitKind);
        }

        var plainName = returnType.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeNameFormat);
        if (returnType.SpecialType == SpecialType.System_String)
        {
            var text = new ResponseModel(200, "string") { BodyTypeOf = "string", ContentType = ResponseModel.Text };
            return new ResultModel(ResultKind.Text, awaitKind, plainName, new[] { text }.ToEquatableArray(), false);
        }

        if (KnownTypes.IsOrInherits(returnType, known.Result))
        {
            var responses = new List<ResponseModel>();
            var isOpen = false;
            CollectResponses(returnType, responses, ref isOpen, shapes, known);
            var distinct = responses.Distinct().OrderBy(static r => r.StatusCode).ToEquatableArray();
            var (typedResults, isUnion) = ParseTypedResults(returnType, known);
            return new ResultModel(ResultKind.HttpResult, awaitKind, plainName, distinct, isOpen)
            {
                TypedResults = typedResults,
                IsUnion = isUnion,
            };
        }

        if (returnType.IsStatic || returnType.TypeKind is TypeKind.Pointer or TypeKind.FunctionPointer or TypeKind.Dynamic
            || returnType.IsRefLikeType)
        {
            return null;
        }

        // A reference type annotated nullable (List<Book>?) may be written as JSON null; Nullable<T> always may.
        var bodyTypeOf = ShapeParser.Collect(returnType, shapes, known);
        var isNullable = returnType.NullableAnnotation == NullableAnnotation.Annotated;
        return new ResultModel(
            ResultKind.Json, awaitKind, returnType.ToDisplayString(TypeNameFormat),
            new[] { new ResponseModel(200, plainName) { BodyTypeOf = bodyTypeOf, IsNullable = isNullable } }.ToEquatableArray(), false);

        static ResultModel NoContent(AwaitKind awaitKind) =>
            new(ResultKind.NoContent, awaitKind, null, new[] { new ResponseModel(204, null) }.ToEquatableArray(), false);
    }

    /// <summary>
    /// The status results whose response <c>ResourcefulTypedResults</c> writes as their own <c>ExecuteAsync</c> does:
    /// a status code, a <c>Location</c> for <c>Created</c> and <c>Accepted</c>, and, for the generic ones, a JSON body.
    /// </summary>
    private static readonly string[] StatusResults = ["Ok", "Created", "Accepted", "NoContent", "NotFound", "BadRequest", "Conflict", "UnprocessableEntity"];

    private static readonly string[] ValueResults = ["Ok", "Created", "Accepted", "NotFound", "BadRequest", "Conflict", "UnprocessableEntity"];

    private static (EquatableArray<TypedResultModel> Results, bool IsUnion) ParseTypedResults(ITypeSymbol type, KnownTypes known)
    {
        if (type is INamedTypeSymbol { Name: "Results" } union && known.IsInHttpResults(union))
        {
            // Two members of one runtime type (Ok<Book> and Ok<Book?>) would be one case twice: keep the first.
            var members = new List<TypedResultModel>();
            foreach (var argument in union.TypeArguments)
            {
                if (TypedResult(argument, known) is { } member && !members.Any(m => m.TypeName == member.TypeName))
                {
                    members.Add(member);
                }
            }

            return (members.ToEquatableArray(), true);
        }

        return TypedResult(type, known) is { } single
            ? (new[] { single }.ToEquatableArray(), false)
            : (EquatableArray<TypedResultModel>.Empty, false);

        static TypedResultModel? TypedResult(ITypeSymbol type, KnownTypes known)
        {
            if (type is not INamedTypeSymbol named || !known.IsInHttpResults(named))
            {
                return null;
            }

            return named.TypeArguments.Length switch
            {
                0 when StatusResults.Contains(named.Name) => new TypedResultModel(named.ToDisplayString(PlainTypeNameFormat), named.Name, null),
                1 when ValueResults.Contains(named.Name) => new TypedResultModel(
                    named.ToDisplayString(PlainTypeNameFormat), named.Name, named.TypeArguments[0].ToDisplayString(TypeNameFormat)),
                _ => null,
            };
        }
    }

    /// <summary>
    /// A handler with <c>RequireIfMatch = true</c> also answers <c>428</c>, before it runs: its result lists it, so
    /// <c>OPTIONS</c>, both OpenAPI documents and the analyzers see it as they see a returned status.
    /// </summary>
    private static ResultModel WithPreconditionRequired(ResultModel result, bool requireIfMatch) =>
        !requireIfMatch || result.Responses.Any(static r => r.StatusCode == 428)
            ? result
            : result with
            {
                Responses = result.Responses.Concat([new ResponseModel(428, null)]).OrderBy(static r => r.StatusCode).ToEquatableArray(),
            };

    private static void CollectResponses(ITypeSymbol type, List<ResponseModel> responses, ref bool isOpen, Dictionary<string, TypeShapeModel> shapes, KnownTypes known)
    {
        // Resourceful's own problem results: their status is their type's.
        if (KnownTypes.Is(type, known.PreconditionFailed) || KnownTypes.Is(type, known.PreconditionRequired))
        {
            responses.Add(new ResponseModel(KnownTypes.Is(type, known.PreconditionFailed) ? 412 : 428, null));
            return;
        }

        if (type is not INamedTypeSymbol named || !known.IsInHttpResults(named))
        {
            isOpen = true;
            return;
        }

        if (named.Name == "Results")
        {
            foreach (var argument in named.TypeArguments)
            {
                CollectResponses(argument, responses, ref isOpen, shapes, known);
            }

            return;
        }

        var bodyType = named.TypeArguments.Length == 1
            ? named.TypeArguments[0].WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(TypeNameFormat)
            : null;
        var status = named.Name switch
        {
            "Ok" or "JsonHttpResult" or "ContentHttpResult" or "Utf8ContentHttpResult" or "FileContentHttpResult"
                or "FileStreamHttpResult" or "PhysicalFileHttpResult" or "VirtualFileHttpResult" or "PushStreamHttpResult"
                or "EmptyHttpResult" or "ServerSentEventsResult" => 200,
            "Created" or "CreatedAtRoute" => 201,
            "Accepted" or "AcceptedAtRoute" => 202,
            "NoContent" => 204,
            "BadRequest" => 400,
            "ValidationProblem" => 400,
            "UnauthorizedHttpResult" => 401,
            "ForbidHttpResult" => 403,
            "NotFound" => 404,
            "Conflict" => 409,
            "UnprocessableEntity" => 422,
            "InternalServerError" => 500,
            _ => 0,
        };

        if (named.Name == "ValidationProblem")
        {
            bodyType = "global::Microsoft.AspNetCore.Http.HttpValidationProblemDetails";
        }

        // JSON and content results may carry another status chosen at run time.
        if (status == 0 || named.Name is "JsonHttpResult" or "ContentHttpResult" or "Utf8ContentHttpResult")
        {
            isOpen = true;
        }

        if (status != 0)
        {
            string? bodyTypeOf = null;
            string? contentType = null;
            if (named.Name == "ValidationProblem")
            {
                bodyTypeOf = bodyType;
            }
            else if (named.Name == "ServerSentEventsResult" && named.TypeArguments.Length == 1 && known.SseItemOfT is { } sseItem
                && named.TypeArguments[0].TypeKind != TypeKind.Error)
            {
                // Each event is an SseItem<T> written as text/event-stream, as the result's own metadata declares.
                var item = sseItem.Construct(named.TypeArguments[0].WithNullableAnnotation(NullableAnnotation.NotAnnotated));
                bodyType = item.ToDisplayString(TypeNameFormat);
                bodyTypeOf = ShapeParser.Collect(item, shapes, known);
                contentType = ResponseModel.EventStream;
            }
            else if (named.TypeArguments.Length == 1 && named.TypeArguments[0].TypeKind != TypeKind.Error)
            {
                bodyTypeOf = ShapeParser.Collect(named.TypeArguments[0], shapes, known);
            }

            responses.Add(new ResponseModel(status, bodyType) { BodyTypeOf = bodyTypeOf, ContentType = contentType });
        }
    }
}

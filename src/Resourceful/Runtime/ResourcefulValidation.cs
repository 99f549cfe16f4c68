using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Resourceful.Runtime;

/// <summary>
/// Runs the DataAnnotations rules the generator found on a body type (its members, nested objects and collection
/// items) and on route, query and header values, rule for rule as ASP.NET Core 10's <c>Microsoft.Extensions.Validation</c>
/// runs them for minimal APIs. The generator wrote each rule out as a constant attribute instance and one method per
/// type that walks its members, so nothing here reads attributes or members through reflection. Errors are keyed by
/// the names the client sent: <c>ship.street</c>, <c>lines[1].sku</c>, <c>page</c>. Called only by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourcefulValidation
{
    /// <summary>
    /// How deep nested objects are validated, as <c>ValidationOptions.MaxDepth</c>'s default. Deeper (a cycle of
    /// references) is not walked further; the framework throws there, which would answer <c>500</c>.
    /// </summary>
    public const int MaxDepth = 32;

    /// <summary>
    /// Checks one member's value against its rules, as <c>ValidatablePropertyInfo</c> does: a failed
    /// <see cref="RequiredAttribute"/> is the only error and ends the member's validation (returns
    /// <see langword="false"/>: its value is not walked); otherwise every rule runs. A failure is recorded under
    /// <paramref name="path"/> joined with the member's JSON name: its <c>[JsonPropertyName]</c>
    /// (<paramref name="jsonName"/>) or else the name the app's naming policy gives it.
    /// </summary>
    public static bool ValidateMember(
        ref BindingErrors errors,
        ValidationContext context,
        ValidationAttribute[] rules,
        object? value,
        string memberName,
        string? jsonName,
        string path,
        JsonSerializerOptions options)
    {
        context.MemberName = memberName;
        context.DisplayName = memberName;
        return Check(ref errors, context, rules, value, path, jsonName ?? PolicyName(memberName, options));
    }

    /// <summary>
    /// Checks a route, query or header value against its rules (<c>[Range(1, 10)] int page</c>), under the name the
    /// client sent. A value that already failed to bind (it did not parse, or is missing) is not checked again.
    /// </summary>
    public static void ValidateValue(ref BindingErrors errors, ValidationAttribute[] rules, object? value, string name, IServiceProvider services)
    {
        if (errors.Has(name))
        {
            return;
        }

        // Attributes need an instance; a missing optional value has none, as in the framework's parameter validation.
        var context = new ValidationContext(value ?? name, name, services, null) { MemberName = name };
        Check(ref errors, context, rules, value, string.Empty, name);
    }

    /// <summary>The path of a member below <paramref name="path"/>: <c>ship</c>, then <c>ship.street</c>.</summary>
    public static string Path(string path, string memberName, string? jsonName, JsonSerializerOptions options) =>
        Key(path, jsonName ?? PolicyName(memberName, options));

    /// <summary>The path of a collection item: <c>lines[1]</c>.</summary>
    public static string Item(string collectionPath, int index) =>
        collectionPath + "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    /// <summary>
    /// Runs <see cref="IValidatableObject.Validate"/>, which the framework runs only when the object's members
    /// (nested objects included) broke no rule: the caller checks that. Errors for a member go under its JSON name
    /// below <paramref name="path"/> (<paramref name="renamedMembers"/> holds member/JSON name pairs where that is
    /// not the policy's name); errors without one go under <paramref name="objectKey"/>.
    /// </summary>
    public static void ValidateObject(
        ref BindingErrors errors,
        ValidationContext context,
        IValidatableObject value,
        string path,
        string objectKey,
        string[] renamedMembers,
        JsonSerializerOptions options)
    {
        context.MemberName = null;
        foreach (var result in value.Validate(context))
        {
            if (result == ValidationResult.Success)
            {
                continue;
            }

            var key = objectKey;
            foreach (var member in result.MemberNames)
            {
                key = Key(path, JsonName(member, renamedMembers, options));
                break;
            }

            errors.Add(key, result.ErrorMessage ?? "The value is invalid.");
        }
    }

    private static bool Check(ref BindingErrors errors, ValidationContext context, ValidationAttribute[] rules, object? value, string path, string name)
    {
        foreach (var rule in rules)
        {
            if (rule is RequiredAttribute && rule.GetValidationResult(value, context) is { } missing)
            {
                errors.Add(Key(path, name), missing.ErrorMessage ?? $"The {context.DisplayName} field is required.");
                return false;
            }
        }

        foreach (var rule in rules)
        {
            if (rule is not RequiredAttribute && rule.GetValidationResult(value, context) is { } result)
            {
                errors.Add(Key(path, name), result.ErrorMessage ?? $"The {context.DisplayName} field is invalid.");
            }
        }

        return true;
    }

    private static string Key(string path, string name) => path.Length == 0 ? name : path + "." + name;

    private static string JsonName(string member, string[] renamedMembers, JsonSerializerOptions options)
    {
        for (var i = 0; i + 1 < renamedMembers.Length; i += 2)
        {
            if (renamedMembers[i] == member)
            {
                return renamedMembers[i + 1];
            }
        }

        return PolicyName(member, options);
    }

    private static string PolicyName(string member, JsonSerializerOptions options) =>
        options.PropertyNamingPolicy?.ConvertName(member) ?? member;
}

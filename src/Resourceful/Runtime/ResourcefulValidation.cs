using System.Collections.Generic;
using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Resourceful.Runtime;

/// <summary>
/// Runs the DataAnnotations rules the generator found on a body type. The generator wrote each rule out as a
/// constant attribute instance, so nothing here reads attributes through reflection. Called only by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourcefulValidation
{
    /// <summary>
    /// Checks one member's value against one rule. A failure is recorded under the member's JSON name: its
    /// <c>[JsonPropertyName]</c> (<paramref name="jsonName"/>) or else the name the app's naming policy gives it.
    /// </summary>
    public static void Validate(
        ref BindingErrors errors,
        ValidationContext context,
        ValidationAttribute rule,
        object? value,
        string memberName,
        string? jsonName,
        JsonSerializerOptions options)
    {
        context.MemberName = memberName;
        context.DisplayName = memberName;
        var result = rule.GetValidationResult(value, context);
        if (result is not null)
        {
            errors.Add(jsonName ?? PolicyName(memberName, options), result.ErrorMessage ?? $"The {memberName} field is invalid.");
        }
    }

    /// <summary>
    /// Runs <see cref="IValidatableObject.Validate"/>. Errors for a member go under its JSON name (<paramref name="renamedMembers"/>
    /// holds member/JSON name pairs where that is not the camelCase name); errors without one go under <paramref name="name"/>.
    /// </summary>
    public static void ValidateObject(
        ref BindingErrors errors,
        ValidationContext context,
        IValidatableObject value,
        string name,
        string[] renamedMembers,
        JsonSerializerOptions options)
    {
        context.MemberName = null;
        foreach (var result in value.Validate(context))
        {
            var key = name;
            foreach (var member in result.MemberNames)
            {
                key = JsonName(member, renamedMembers, options);
                break;
            }

            errors.Add(key, result.ErrorMessage ?? "The value is invalid.");
        }
    }

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

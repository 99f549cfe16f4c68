using System.Collections.Generic;
using System.Linq;
using Resourceful.Generators.Model;

namespace Resourceful.Generators.Emitting;

/// <summary>
/// Validation: one method per body type that walks its members, nested objects and collection items, and the rules
/// of route, query and header values, as <c>Microsoft.Extensions.Validation</c> validates minimal APIs' arguments.
/// </summary>
internal static partial class ResourceEmitter
{
    private const string Validation = "global::Resourceful.Runtime.ResourcefulValidation";

    private const string RuleArray = "global::System.ComponentModel.DataAnnotations.ValidationAttribute[]";

    /// <summary>The validator of a type: its name, and a hash of its full name so two types of one name never clash.</summary>
    private static string ValidatorName(string typeName, string name) =>
        "Validate" + Identifier(name).TrimStart('@') + "_" + (StableHash(typeName) & 0xFFFFFFFF).ToString("X8", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every type a body of this resource validates, once each, sorted by name.</summary>
    private static List<ValidatableTypeModel> ValidatableTypes(ResourceModel resource) =>
        resource.Endpoints
            .SelectMany(static e => ParameterModels.Flatten(e.Parameters))
            .SelectMany(static p => p.Validation)
            .GroupBy(static t => t.TypeName)
            .Select(static g => g.First())
            .OrderBy(static t => t.TypeName, System.StringComparer.Ordinal)
            .ToList();

    private static void WriteValidators(SourceWriter writer, ResourceModel resource)
    {
        foreach (var type in ValidatableTypes(resource))
        {
            writer.WriteLine();
            WriteValidator(writer, type);
        }
    }

    private static void WriteValidator(SourceWriter writer, ValidatableTypeModel type)
    {
        var method = ValidatorName(type.TypeName, type.Name);
        foreach (var member in type.Members.Where(static m => m.Rules.Count > 0))
        {
            writer.WriteLine($"private static readonly {RuleArray} {method}_{Identifier(member.MemberName).TrimStart('@')} = [{string.Join(", ", member.Rules)}];");
        }

        if (type.IsValidatableObject)
        {
            writer.WriteLine($"private static readonly string[] {method}_Renamed = [{string.Join(", ", type.RenamedMembers.Select(Literal))}];");
        }

        writer.Separate();
        var then = type.IsValidatableObject ? ", then its <c>IValidatableObject.Validate</c>" : string.Empty;
        writer.WriteLine($"/// <summary>Validates a <c>{Xml(type.TypeName.Replace("global::", string.Empty))}</c>: its members' rules and what they hold{then}.</summary>");
        writer.OpenBlock(
            $"private static void {method}(ref global::Resourceful.Runtime.BindingErrors errors, {type.TypeName} value, string path, string objectKey, " +
            "global::System.Text.Json.JsonSerializerOptions options, global::System.IServiceProvider services, int depth)");
        writer.WriteLine($"var context = new global::System.ComponentModel.DataAnnotations.ValidationContext(value, {Literal(type.Name)}, services, null);");
        if (type.IsValidatableObject)
        {
            writer.WriteLine("var before = errors.Count;");
        }

        for (var i = 0; i < type.Members.Count; i++)
        {
            WriteMemberValidation(writer, method, type.Members[i], "member" + i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        if (type.IsValidatableObject)
        {
            // As the framework: the object's own Validate runs only when its members (and what they hold) broke no rule.
            writer.Separate();
            writer.OpenBlock("if (errors.Count == before)");
            writer.WriteLine($"{Validation}.ValidateObject(ref errors, context, value, path, objectKey, {method}_Renamed, options);");
            writer.CloseBlock();
        }

        writer.CloseBlock();
    }

    private static void WriteMemberValidation(SourceWriter writer, string method, ValidatableMemberModel member, string local)
    {
        var access = "value." + Identifier(member.MemberName);
        var jsonName = member.JsonName is null ? "null" : Literal(member.JsonName);
        var rulesPass = member.Rules.Count == 0
            ? null
            : $"{Validation}.ValidateMember(ref errors, context, {method}_{Identifier(member.MemberName).TrimStart('@')}, {access}, {Literal(member.MemberName)}, {jsonName}, path, options)";
        if (member.NestedTypeName is not { } nested)
        {
            writer.WriteLine(rulesPass + ";");
            return;
        }

        // A member whose Required rule failed is not walked; a null one has nothing to walk.
        var held = member.IsCollection || !member.IsValueType ? $"{access} is {{ }} {local}" : null;
        var conditions = new[] { rulesPass, held, $"depth < {Validation}.MaxDepth" }.Where(static c => c is not null);
        writer.Separate();
        writer.OpenBlock($"if ({string.Join(" && ", conditions)})");
        writer.WriteLine($"var {local}Path = {Validation}.Path(path, {Literal(member.MemberName)}, {jsonName}, options);");
        var nestedMethod = ValidatorName(nested, ShortName(nested));
        if (!member.IsCollection)
        {
            var value = held is null ? access : local;
            writer.WriteLine($"{nestedMethod}(ref errors, {value}, {local}Path, {local}Path, options, services, depth + 1);");
            writer.CloseBlock();
            writer.Separate();
            return;
        }

        writer.WriteLine($"var {local}Index = 0;");
        writer.OpenBlock($"foreach (var {local}Item in {local})");
        var item = local + "Item";
        if (!member.IsValueType)
        {
            writer.OpenBlock($"if ({local}Item is {{ }} {local}Value)");
            item = local + "Value";
        }

        writer.WriteLine($"var {local}ItemPath = {Validation}.Item({local}Path, {local}Index);");
        writer.WriteLine($"{nestedMethod}(ref errors, {item}, {local}ItemPath, {local}ItemPath, options, services, depth + 1);");
        if (!member.IsValueType)
        {
            writer.CloseBlock();
            writer.Separate();
        }

        writer.WriteLine($"{local}Index++;");
        writer.CloseBlock();
        writer.CloseBlock();
        writer.Separate();
    }

    // The simple name of a validatable type, from its fully qualified name (generic arguments dropped).
    private static string ShortName(string typeName)
    {
        var open = typeName.IndexOf('<');
        var plain = open < 0 ? typeName : typeName.Substring(0, open);
        return plain.Substring(plain.LastIndexOfAny(['.', ':']) + 1);
    }

    private sealed partial class HandlerWriter
    {
        private string ValueRulesField(string name) => $"{createName}_{name}_Rules";

        private void WriteValueRuleFields(List<(ParameterModel Parameter, string Name)> bindings)
        {
            var any = false;
            foreach (var (parameter, name) in bindings.Where(static b => b.Parameter.ValueRules.Count > 0))
            {
                writer.WriteLine($"private static readonly {RuleArray} {ValueRulesField(name)} = [{string.Join(", ", parameter.ValueRules)}];");
                any = true;
            }

            if (any)
            {
                writer.WriteLine();
            }
        }

        // [Range(1, 10)] int page: checked once the value is bound, under the name the client sent.
        private void WriteValueValidation(ParameterModel parameter, string name, string target)
        {
            if (parameter.ValueRules.Count > 0)
            {
                writer.WriteLine($"{Validation}.ValidateValue(ref bindingErrors, {ValueRulesField(name)}, {target}, {Literal(parameter.Key)}, {RequestServices});");
            }
        }

        // The body's own type first: its validator walks everything below it.
        private void WriteValidation(ParameterModel parameter, string name, string target)
        {
            if (parameter.Validation.Count == 0)
            {
                return;
            }

            var root = parameter.Validation[0];
            var options = $"{name}_typeInfo{(parameter.Source == ParameterSource.BodyOrService ? "!" : string.Empty)}.Options";
            var mayBeNull = parameter.IsNullable || !parameter.IsRequired;
            var value = mayBeNull ? name + "_valid" : target;
            if (mayBeNull)
            {
                writer.OpenBlock($"if ({target} is {{ }} {value})");
            }

            writer.WriteLine($"{ValidatorName(root.TypeName, root.Name)}(ref bindingErrors, {value}, string.Empty, {Literal(parameter.Key)}, {options}, {RequestServices}, 0);");
            if (mayBeNull)
            {
                writer.CloseBlock();
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Mvc;

namespace Resourceful.Runtime;

/// <summary>
/// A handler's <see cref="MethodInfo"/> as the API explorer should see it when <c>[SparseFieldsets]</c> adds
/// <c>?fields=</c>: its own parameters and one more, an optional query string named <c>fields</c> whose description
/// lists the names it accepts. Everything else is the handler's own. Built only when API descriptions are in use.
/// </summary>
internal sealed class FieldsMethodInfo : MethodInfo
{
    private readonly MethodInfo _method;
    private readonly ParameterInfo[] _parameters;

    public FieldsMethodInfo(MethodInfo method, IReadOnlyList<string> names)
    {
        _method = method;
        var own = method.GetParameters();
        Fields = new FieldsParameterInfo(method, own.Length, names);
        _parameters = [.. own, Fields];
    }

    /// <summary>The added <c>fields</c> parameter.</summary>
    public ParameterInfo Fields { get; }

    public override ParameterInfo[] GetParameters() => (ParameterInfo[])_parameters.Clone();

    public override string Name => _method.Name;

    public override Type? DeclaringType => _method.DeclaringType;

    public override Type? ReflectedType => _method.ReflectedType;

    public override Type ReturnType => _method.ReturnType;

    public override ParameterInfo ReturnParameter => _method.ReturnParameter;

    public override ICustomAttributeProvider ReturnTypeCustomAttributes => _method.ReturnTypeCustomAttributes;

    public override MethodAttributes Attributes => _method.Attributes;

    public override RuntimeMethodHandle MethodHandle => _method.MethodHandle;

    public override Module Module => _method.Module;

    public override MethodInfo GetBaseDefinition() => _method.GetBaseDefinition();

    public override object[] GetCustomAttributes(bool inherit) => _method.GetCustomAttributes(inherit);

    public override object[] GetCustomAttributes(Type attributeType, bool inherit) => _method.GetCustomAttributes(attributeType, inherit);

    public override IList<CustomAttributeData> GetCustomAttributesData() => _method.GetCustomAttributesData();

    public override bool IsDefined(Type attributeType, bool inherit) => _method.IsDefined(attributeType, inherit);

    public override MethodImplAttributes GetMethodImplementationFlags() => _method.GetMethodImplementationFlags();

    public override object? Invoke(object? obj, BindingFlags invokeAttr, Binder? binder, object?[]? parameters, CultureInfo? culture) =>
        throw new NotSupportedException("Describes a handler for API descriptions; it is never invoked.");

    public override string ToString() => _method.ToString() ?? Name;

    private sealed class FieldsParameterInfo : ParameterInfo
    {
        private readonly Attribute[] _attributes;

        public FieldsParameterInfo(MethodInfo method, int position, IReadOnlyList<string> names)
        {
            NameImpl = SparseFields.QueryName;
            ClassImpl = typeof(string);
            MemberImpl = method;
            PositionImpl = position;
            AttrsImpl = ParameterAttributes.Optional;
            _attributes = [new FromQueryAttribute { Name = SparseFields.QueryName }, new DescriptionAttribute(SparseFields.Description(names))];
        }

        public override bool HasDefaultValue => true;

        public override object? DefaultValue => null;

        public override object[] GetCustomAttributes(bool inherit) => (object[])_attributes.Clone();

        public override object[] GetCustomAttributes(Type attributeType, bool inherit)
        {
            // Typed arrays for the two attributes it has, as reflection returns them (callers cast to T[]).
            if (attributeType == typeof(DescriptionAttribute))
            {
                return new[] { (DescriptionAttribute)_attributes[1] };
            }

            if (attributeType == typeof(FromQueryAttribute))
            {
                return new[] { (FromQueryAttribute)_attributes[0] };
            }

            var matching = new List<Attribute>();
            foreach (var attribute in _attributes)
            {
                if (attributeType.IsInstanceOfType(attribute))
                {
                    matching.Add(attribute);
                }
            }

            return matching.ToArray();
        }

        public override IList<CustomAttributeData> GetCustomAttributesData() => [];

        public override bool IsDefined(Type attributeType, bool inherit) => GetCustomAttributes(attributeType, inherit).Length > 0;
    }
}

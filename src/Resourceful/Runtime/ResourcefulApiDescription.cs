using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Linq;
using System.Reflection;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.Extensions.DependencyInjection;

namespace Resourceful.Runtime;

/// <summary>
/// Describes generated endpoints to ASP.NET Core's API explorer, so <c>AddOpenApi()</c> documents them as it
/// documents minimal APIs. The explorer reads a handler's <see cref="MethodInfo"/> and one
/// <see cref="IParameterBindingMetadata"/> per bound value; they are looked up once at start-up, and only when the
/// app uses API descriptions. Requests never touch any of it. Called only by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ResourcefulApiDescription
{
    /// <summary>Adds the handler's <see cref="MethodInfo"/> and its parameters' binding metadata when API descriptions are in use.</summary>
    public static void Describe(
        IEndpointConventionBuilder builder,
        IServiceProvider services,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicMethods)] Type resourceType,
        string handlerName,
        Type[] parameterTypes,
        ResourcefulApiParameter[] parameters,
        ResourcefulSparseFields? sparseFields = null)
    {
        var isService = services.GetService<IServiceProviderIsService>();
        if (isService is null || !isService.IsService(typeof(IApiDescriptionGroupCollectionProvider)))
        {
            return;
        }

        var method = resourceType.GetMethod(handlerName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static, parameterTypes);
        if (method is null)
        {
            return;
        }

        var bindings = new object[parameters.Length + (sparseFields is null ? 0 : 1)];
        for (var i = 0; i < parameters.Length; i++)
        {
            bindings[i] = Describe(method, parameters[i]);
        }

        if (sparseFields is not null)
        {
            // ?fields= is no parameter of the handler: the explorer sees the method with one more, described here.
            var names = SparseFields.Names(services, sparseFields.MemberNames, sparseFields.ExplicitNames);
            var withFields = new FieldsMethodInfo(method, names);
            bindings[parameters.Length] = new Binding(SparseFields.QueryName, withFields.Fields, hasTryParse: true, isOptional: true);
            method = withFields;
        }

        builder.WithMetadata(method);
        builder.WithMetadata(bindings);
    }

    private static Binding Describe(MethodInfo method, ResourcefulApiParameter parameter)
    {
        if (parameter.MemberOf is not { } type)
        {
            // A handler parameter, by position.
            return new Binding(parameter.Name, method.GetParameters()[parameter.Position], parameter.HasTryParse, parameter.IsOptional);
        }

        if (parameter.Property is null)
        {
            // A constructor parameter of an [AsParameters] type, by position in its widest public constructor.
            var constructor = type.GetConstructors().OrderByDescending(static c => c.GetParameters().Length).First();
            return new Binding(parameter.Name, constructor.GetParameters()[parameter.Position], parameter.HasTryParse, parameter.IsOptional);
        }

        // A settable property of an [AsParameters] type, presented as a parameter as minimal APIs do.
        var property = type.GetProperty(parameter.Property, BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"'{type}' has no public property '{parameter.Property}'.");
        return new Binding(parameter.Name, new PropertyParameterInfo(property), parameter.HasTryParse, parameter.IsOptional);
    }

    private sealed class Binding(string name, ParameterInfo parameterInfo, bool hasTryParse, bool isOptional) : IParameterBindingMetadata
    {
        public string Name => name;

        public bool HasTryParse => hasTryParse;

        // Preconditions bind from the request's headers (as IBindableFromHttpContext): a value the API explorer leaves
        // out, never a body or a service.
        public bool HasBindAsync => parameterInfo.ParameterType == typeof(Preconditions);

        public ParameterInfo ParameterInfo => parameterInfo;

        public bool IsOptional => isOptional;
    }

    // A property seen as a parameter: its name, type and attributes, so [FromQuery] and friends on it still count.
    private sealed class PropertyParameterInfo : ParameterInfo
    {
        private readonly PropertyInfo _property;

        public PropertyParameterInfo(PropertyInfo property)
        {
            _property = property;
            NameImpl = property.Name;
            ClassImpl = property.PropertyType;
            MemberImpl = property;
            PositionImpl = -1;
        }

        public override bool HasDefaultValue => false;

        public override object? DefaultValue => null;

        public override object[] GetCustomAttributes(bool inherit) => _property.GetCustomAttributes(inherit);

        public override object[] GetCustomAttributes(Type attributeType, bool inherit) => _property.GetCustomAttributes(attributeType, inherit);

        public override IList<CustomAttributeData> GetCustomAttributesData() => _property.GetCustomAttributesData();

        public override bool IsDefined(Type attributeType, bool inherit) => _property.IsDefined(attributeType, inherit);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{_property.PropertyType} {_property.Name}");
    }
}

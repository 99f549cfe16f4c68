using System;
using System.ComponentModel;
using System.Reflection;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Resourceful.Runtime;

/// <summary>
/// The <see cref="ParameterInfo"/> that generated code hands to a parameter type's
/// <c>BindAsync(HttpContext, ParameterInfo)</c>: the parameter's name and type, built at start-up without reflection.
/// It carries no custom attributes (reading them would need reflection over the handler), which is what most
/// <c>BindAsync</c> implementations use it for least. Called only by generated code.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ResourcefulParameterInfo : ParameterInfo
{
    /// <summary>Describes the handler parameter <paramref name="name"/> of type <paramref name="type"/>.</summary>
    public ResourcefulParameterInfo(string name, Type type)
    {
        NameImpl = name;
        ClassImpl = type;
        AttrsImpl = ParameterAttributes.None;
        PositionImpl = -1;
    }

    /// <summary>Calls <typeparamref name="T"/>'s <see cref="IBindableFromHttpContext{TSelf}.BindAsync"/>, however it is implemented.</summary>
    public static ValueTask<T?> BindAsync<T>(HttpContext httpContext, ParameterInfo parameter)
        where T : class, IBindableFromHttpContext<T>
        => T.BindAsync(httpContext, parameter);
}

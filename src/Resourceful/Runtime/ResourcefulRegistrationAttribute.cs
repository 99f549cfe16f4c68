using System;
using System.ComponentModel;

namespace Resourceful.Runtime;

/// <summary>
/// Written by the generator into every assembly that declares resources: names the generated, public type whose
/// <c>MapResources(IEndpointRouteBuilder)</c> maps them. The generator of an app that references the assembly reads
/// this attribute from metadata at compile time and calls that method from the app's own <c>MapResources()</c>: no
/// assembly scanning and no reflection at run time. Not for use in user code.
/// </summary>
/// <param name="registration">The generated type that maps the assembly's resources.</param>
/// <param name="contractVersion">The shape of <paramref name="registration"/>; see <see cref="CurrentContractVersion"/>.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = false, Inherited = false)]
public sealed class ResourcefulRegistrationAttribute(Type registration, int contractVersion) : Attribute
{
    /// <summary>
    /// The registration shape this version of Resourceful writes and reads: a public static class with
    /// <c>public static ResourceConventionBuilder MapResources(IEndpointRouteBuilder endpoints)</c>.
    /// </summary>
    public const int CurrentContractVersion = 1;

    /// <summary>The generated type that maps the assembly's resources.</summary>
    public Type Registration { get; } = registration;

    /// <summary>The registration shape the assembly was generated with.</summary>
    public int ContractVersion { get; } = contractVersion;
}

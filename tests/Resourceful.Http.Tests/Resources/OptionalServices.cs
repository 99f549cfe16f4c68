using Microsoft.AspNetCore.Mvc;

namespace Resourceful.Http.Tests.Resources;

/// <summary>A type no test host registers.</summary>
public sealed class Unregistered;

/// <summary>Optional services (nullable): unregistered, they are <c>null</c>, and mapping does not fail.</summary>
[Resource("/optional-services")]
public sealed partial class OptionalServices(Unregistered? fromConstructor)
{
    [Get]
    public string Read([FromServices] Unregistered? fromHandler) => $"{fromConstructor is null}|{fromHandler is null}";
}

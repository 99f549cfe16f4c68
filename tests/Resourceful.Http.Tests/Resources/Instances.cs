using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Resourceful.Http.Tests.Resources;

/// <summary>Constructor injection: each request must get a new instance built in its own request scope.</summary>
[Resource("/instances")]
public sealed partial class Instances
{
    private readonly int _instance;
    private readonly ScopedProbe _probe;

    public Instances(InstanceLog log, ScopedProbe probe)
    {
        _instance = log.Next();
        _probe = probe;
    }

    [Get]
    public string Current([FromServices] ScopedProbe sameScope)
        => string.Create(CultureInfo.InvariantCulture, $"{_instance}|{_probe.Id}|{ReferenceEquals(_probe, sameScope)}");

    [Get("static/{n:int}")]
    public static string Static(int n, IGreeter greeter)
        => string.Create(CultureInfo.InvariantCulture, $"{n * 2}|{greeter.Greet("static")}");
}

using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Resourceful.Http.Tests.Resources;

/// <summary>An <c>ISession</c> parameter: per-visitor state across requests, through the session cookie.</summary>
[Resource("/session")]
public sealed partial class SessionValues
{
    [Get("visits")]
    public string Visits(ISession session) => (session.GetInt32("visits") ?? 0).ToString(CultureInfo.InvariantCulture);

    [Post("visits")]
    public string Visit(ISession session)
    {
        var visits = (session.GetInt32("visits") ?? 0) + 1;
        session.SetInt32("visits", visits);
        return visits.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Whether the session was loaded before the handler ran (reads after LoadAsync never block).</summary>
    [Get("available")]
    public string Available(ISession session) => session.IsAvailable ? "yes" : "no";
}

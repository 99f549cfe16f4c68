namespace Resourceful.Benchmarks.Server;

/// <summary>
/// The <c>Allow</c> lists that the generated variant sends for its two paths (a <c>GET</c> path also allows
/// <c>HEAD</c>; every path allows <c>OPTIONS</c>). The other variants send the same, so OPTIONS is like for like.
/// </summary>
public static class Allow
{
    /// <summary><c>/{variant}/items/{id}</c>.</summary>
    public const string ItemPath = "GET, HEAD, OPTIONS";

    /// <summary><c>/{variant}/items</c>.</summary>
    public const string CollectionPath = "POST, OPTIONS";
}

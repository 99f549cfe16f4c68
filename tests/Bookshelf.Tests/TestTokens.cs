using System;
using System.Collections.Generic;
using System.Security.Claims;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Bookshelf.Tests;

/// <summary>
/// JWT bearer tokens for the tests, signed with a key that only the test configuration knows: the same settings
/// (<c>Authentication:Schemes:Bearer:…</c>) that <c>dotnet user-jwts</c> writes for development.
/// </summary>
public static class TestTokens
{
    /// <summary>The issuer the app accepts in tests.</summary>
    public const string Issuer = "bookshelf-tests";

    /// <summary>The audience the app accepts in tests.</summary>
    public const string Audience = "bookshelf-tests";

    // 32 bytes, fixed: a signing key for tests, worthless anywhere else.
    private static readonly byte[] Key = Convert.FromHexString("6a1c0e5b7d2f4a9e8b3c6d1f0a2e4b7c9d8e1f2a3b4c5d6e7f8091a2b3c4d5e6");

    /// <summary>The configuration that makes the app accept these tokens.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Configuration()
    {
        const string Bearer = "Authentication:Schemes:Bearer:";
        yield return new(Bearer + "ValidIssuer", Issuer);
        yield return new(Bearer + "ValidAudiences:0", Audience);
        yield return new(Bearer + "SigningKeys:0:Issuer", Issuer);
        yield return new(Bearer + "SigningKeys:0:Value", Convert.ToBase64String(Key));
    }

    /// <summary>Adds <see cref="Configuration"/> to <paramref name="configuration"/>.</summary>
    public static void AddTo(IConfigurationBuilder configuration) => configuration.AddInMemoryCollection(Configuration());

    /// <summary>A valid token for the user <paramref name="name"/> with <paramref name="roles"/>.</summary>
    public static string Create(string name = "tester", params string[] roles) => Create(name, TimeSpan.FromHours(1), Key, roles);

    /// <summary>A token that expired an hour ago.</summary>
    public static string Expired() => Create("late", TimeSpan.FromHours(-1), Key, []);

    /// <summary>A token signed with another key.</summary>
    public static string Forged() => Create("mallory", TimeSpan.FromHours(1), new byte[32], ["admin"]);

    private static string Create(string name, TimeSpan lifetime, byte[] key, string[] roles)
    {
        var claims = new Dictionary<string, object> { ["sub"] = name, ["name"] = name };
        if (roles.Length > 0)
        {
            claims["role"] = roles.Length == 1 ? roles[0] : roles;
        }

        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = Audience,
            Claims = claims,
            IssuedAt = now.AddHours(-2),
            NotBefore = now.AddHours(-2),
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(key), SecurityAlgorithms.HmacSha256),
        });
    }
}

using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Resourceful.Http.Tests.Resources;

/// <summary>Forms and files, bound as minimal APIs bind them; each handler echoes what it bound.</summary>
[Resource("/forms")]
public sealed partial class FormValues
{
    [Post("fields")]
    public static string Fields([FromForm] string name, [FromForm] int age, [FromForm] Color? color, [FromForm(Name = "tag")] string[] tags)
        => string.Create(CultureInfo.InvariantCulture, $"{name}|{age}|{color?.ToString() ?? "null"}|{string.Join(",", tags)}");

    [Patch("fields")]
    public static string PatchFields([FromForm] string name) => name;

    [Post("upload")]
    public static async Task<string> Upload(IFormFile file)
    {
        using var reader = new StreamReader(file.OpenReadStream());
        return $"{file.Name}|{file.FileName}|{file.ContentType}|{file.Length}|{await reader.ReadToEndAsync()}";
    }

    [Post("optional-file")]
    public static string OptionalFile([FromForm(Name = "attachment")] IFormFile? file) => file?.FileName ?? "none";

    [Post("files")]
    public static string Files(IFormFileCollection files)
        => string.Join(";", files.Select(static f => string.Create(CultureInfo.InvariantCulture, $"{f.Name}:{f.FileName}:{f.Length}")));

    [Post("collection")]
    public static string Collection(IFormCollection form)
        => string.Join(";", form.Keys.Order(System.StringComparer.Ordinal).Select(k => $"{k}={form[k]}")) + "|files:" + form.Files.Count.ToString(CultureInfo.InvariantCulture);

    [Post("object")]
    public static string Object([FromForm] NewPerson person)
        => string.Create(CultureInfo.InvariantCulture, $"{person.Name}|{person.Age}|{person.Photo?.FileName ?? "none"}");

    [Post("settable")]
    public static string Settable([FromForm] PersonForm person)
        => string.Create(CultureInfo.InvariantCulture, $"{person.Name}|{person.Age}|{string.Join(",", person.Tags)}");

    [Post("open")]
    [RequireAntiforgeryToken(false)]
    public static string Open([FromForm] string name) => name;

    [Post("open-file")]
    [RequireAntiforgeryToken(false)]
    public static string OpenFile(IFormFile file, [FromForm] int count) => file.FileName + count.ToString(CultureInfo.InvariantCulture);

    [Post("small", MaxBodySize = 1024)]
    public static string Small(IFormFile file) => file.Length.ToString(CultureInfo.InvariantCulture);

    [Post("with-route/{id:int}")]
    public static string WithRoute(int id, [FromQuery] string? note, IFormFile file)
        => string.Create(CultureInfo.InvariantCulture, $"{id}|{note ?? "null"}|{file.FileName}");
}

/// <summary>A [FromForm] record: constructor parameters are form fields and files by name.</summary>
public sealed record NewPerson(string Name, int Age, IFormFile? Photo);

/// <summary>A [FromForm] class with settable properties.</summary>
public sealed class PersonForm
{
    public string Name { get; set; } = "nobody";

    public int Age { get; set; }

    [FromForm(Name = "tag")]
    public string[] Tags { get; set; } = [];
}

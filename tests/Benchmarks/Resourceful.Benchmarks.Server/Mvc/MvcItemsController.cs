using System.Globalization;
using Microsoft.AspNetCore.Mvc;

namespace Resourceful.Benchmarks.Server.Mvc;

/// <summary>The MVC variant: an <c>[ApiController]</c> as the templates write it.</summary>
[ApiController]
[Route("mvc/items")]
public sealed class MvcItemsController(ItemStore store) : ControllerBase
{
    /// <summary><c>GET /mvc/items/{id}</c>: the item as JSON, or 404.</summary>
    [HttpGet("{id:int}")]
    public ActionResult<Item> Find(int id) => store.Find(id) is { } item ? item : NotFound();

    /// <summary><c>POST /mvc/items</c>: 201 with <c>Location</c> and the new item.</summary>
    [HttpPost]
    public ActionResult<Item> Add(NewItem item)
    {
        var created = store.Add(item);
        return Created("/mvc/items/" + created.Id.ToString(CultureInfo.InvariantCulture), created);
    }

    /// <summary><c>OPTIONS /mvc/items/{id}</c>: 204 with the path's Allow list.</summary>
    [HttpOptions("{id:int}")]
    public IActionResult ItemOptions()
    {
        Response.Headers.Allow = Allow.ItemPath;
        return NoContent();
    }

    /// <summary><c>OPTIONS /mvc/items</c>: 204 with the path's Allow list.</summary>
    [HttpOptions]
    public IActionResult CollectionOptions()
    {
        Response.Headers.Allow = Allow.CollectionPath;
        return NoContent();
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Resourceful.Benchmarks.Server;

/// <summary>The one source-generated JSON context that every variant serializes through.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(Item))]
[JsonSerializable(typeof(NewItem))]
[JsonSerializable(typeof(Generated.VersionedItem))]
[JsonSerializable(typeof(Generated.CatalogRecord))]
public sealed partial class BenchmarkJsonContext : JsonSerializerContext;

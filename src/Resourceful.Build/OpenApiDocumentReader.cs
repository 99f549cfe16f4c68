using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace Resourceful.Build;

/// <summary>
/// Reads the compile-time OpenAPI document out of an assembly's metadata, without loading the assembly. Apart from the
/// task so that it needs nothing of MSBuild.
/// </summary>
/// <remarks>
/// The generated class is <c>file</c>-local, so that a test project granted the app's internals never sees two of
/// them; the compiler names such a type <c>&lt;{file}&gt;F{checksum}__{name}</c> in metadata.
/// </remarks>
public static class OpenApiDocumentReader
{
    /// <summary>The namespace of the generated type that holds the document.</summary>
    public const string DocumentNamespace = "Resourceful.Generated";

    /// <summary>The generated type that holds the document (its source name).</summary>
    public const string DocumentTypeName = "ResourcefulOpenApiDocument";

    /// <summary>The constant that is the document.</summary>
    public const string DocumentFieldName = "Json";

    /// <summary>The document constant of <paramref name="assemblyPath"/>, or <c>null</c> when it has none.</summary>
    public static string? Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var image = new PEReader(stream);
        var metadata = image.GetMetadataReader();
        foreach (var typeHandle in metadata.TypeDefinitions)
        {
            var type = metadata.GetTypeDefinition(typeHandle);
            if (!metadata.StringComparer.Equals(type.Namespace, DocumentNamespace) || !IsDocumentType(metadata.GetString(type.Name)))
            {
                continue;
            }

            foreach (var fieldHandle in type.GetFields())
            {
                var field = metadata.GetFieldDefinition(fieldHandle);
                var constantHandle = field.GetDefaultValue();
                if (constantHandle.IsNil || !metadata.StringComparer.Equals(field.Name, DocumentFieldName))
                {
                    continue;
                }

                var constant = metadata.GetConstant(constantHandle);
                if (constant.TypeCode != ConstantTypeCode.String)
                {
                    return null;
                }

                var blob = metadata.GetBlobReader(constant.Value);
                return blob.ReadUTF16(blob.Length);
            }
        }

        return null;
    }

    private static bool IsDocumentType(string metadataName) =>
        metadataName == DocumentTypeName
        || (metadataName.StartsWith("<", StringComparison.Ordinal) && metadataName.EndsWith("__" + DocumentTypeName, StringComparison.Ordinal));
}

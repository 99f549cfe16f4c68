using System;
using System.IO;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace Resourceful.Build;

/// <summary>
/// Writes the OpenAPI document that the Resourceful generator compiled into <see cref="Assembly"/> to
/// <see cref="Destination"/>. The generator cannot write files, and writing every generated source to disk
/// (<c>EmitCompilerGeneratedFiles</c>) is the user's choice, not ours: so the document travels as a constant,
/// <c>Resourceful.Generated.ResourcefulOpenApiDocument.Json</c>, read here from metadata without loading the assembly.
/// </summary>
public sealed class ExtractOpenApiDocument : Task
{
    /// <summary>The compiled assembly (the project's <c>@(IntermediateAssembly)</c>).</summary>
    [Required]
    public string Assembly { get; set; } = string.Empty;

    /// <summary>Where the document goes; rewritten only when its text changed, so incremental builds stay quiet.</summary>
    [Required]
    public string Destination { get; set; } = string.Empty;

    public override bool Execute()
    {
        string? document;
        try
        {
            document = OpenApiDocumentReader.Read(Assembly);
        }
        catch (Exception error) when (error is IOException or BadImageFormatException or UnauthorizedAccessException)
        {
            Log.LogError("Resourceful: could not read the OpenAPI document from {0}: {1}", Assembly, error.Message);
            return false;
        }

        if (document is null)
        {
            // The generator did not run (for example, it was removed from the analyzers): nothing to copy.
            Log.LogMessage(MessageImportance.Low, "Resourceful: {0} holds no compile-time OpenAPI document.", Assembly);
            return true;
        }

        var text = document.EndsWith("\n", StringComparison.Ordinal) ? document : document + "\n";
        var directory = Path.GetDirectoryName(Destination);
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        if (!File.Exists(Destination) || File.ReadAllText(Destination, Encoding.UTF8) != text)
        {
            File.WriteAllText(Destination, text, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
            Log.LogMessage(MessageImportance.Low, "Resourceful: wrote the OpenAPI document to {0}.", Destination);
        }

        return true;
    }
}

using Microsoft.CodeAnalysis.Diagnostics;

namespace Resourceful.Generators.Diagnostics;

/// <summary>
/// Whether the package's analyzer runs in this build, read from the MSBuild properties the package's targets make
/// visible to the compiler (<c>CompilerVisibleProperty</c>). The analyzer reports the parser's problems (with their code
/// fixes); when it does not run (<c>RunAnalyzers=false</c>, or <c>RunAnalyzersDuringBuild=false</c> outside the IDE),
/// the generator reports the same problems itself, so a handler it leaves out always fails the build, and never twice.
/// </summary>
internal static class AnalyzerGate
{
    public const string RunAnalyzers = "build_property.RunAnalyzers";
    public const string RunAnalyzersDuringBuild = "build_property.RunAnalyzersDuringBuild";
    public const string DesignTimeBuild = "build_property.DesignTimeBuild";

    /// <summary>
    /// True when the analyzer reports the problems in this build. Without the properties (a compilation not built by
    /// MSBuild with the package's targets, such as a test's generator driver) nobody is known to report them: false.
    /// </summary>
    public static bool AnalyzersRun(AnalyzerConfigOptions globalOptions)
    {
        if (!globalOptions.TryGetValue(RunAnalyzers, out var runAnalyzers) || IsFalse(runAnalyzers))
        {
            return false;
        }

        var designTime = globalOptions.TryGetValue(DesignTimeBuild, out var designTimeBuild) && designTimeBuild.Trim().ToLowerInvariant() == "true";
        return designTime || !globalOptions.TryGetValue(RunAnalyzersDuringBuild, out var duringBuild) || !IsFalse(duringBuild);
    }

    private static bool IsFalse(string value) => value.Trim().ToLowerInvariant() == "false";
}

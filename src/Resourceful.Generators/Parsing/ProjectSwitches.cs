using Microsoft.CodeAnalysis.Diagnostics;

namespace Resourceful.Generators.Parsing;

/// <summary>
/// The project-wide switches, MSBuild properties the package's targets make visible to the compiler
/// (<c>CompilerVisibleProperty</c>): <c>ResourcefulAutomaticOptions</c>, <c>ResourcefulAutomaticHead</c> and
/// <c>ResourcefulOptionsDescription</c>. Each is on unless set to <c>false</c>; a resource's own
/// <c>[Resource(AutomaticOptions = false, AutomaticHead = false)]</c> can only turn more off.
/// </summary>
internal sealed record ProjectSwitches(bool AutomaticOptions, bool AutomaticHead, bool OptionsDescription)
{
    public const string AutomaticOptionsProperty = "build_property.ResourcefulAutomaticOptions";
    public const string AutomaticHeadProperty = "build_property.ResourcefulAutomaticHead";
    public const string OptionsDescriptionProperty = "build_property.ResourcefulOptionsDescription";

    public static readonly ProjectSwitches Default = new(true, true, true);

    public static ProjectSwitches Read(AnalyzerConfigOptions globalOptions) => new(
        IsOn(globalOptions, AutomaticOptionsProperty),
        IsOn(globalOptions, AutomaticHeadProperty),
        IsOn(globalOptions, OptionsDescriptionProperty));

    private static bool IsOn(AnalyzerConfigOptions options, string key) =>
        !options.TryGetValue(key, out var value) || value.Trim().ToLowerInvariant() != "false";
}

namespace AwsMcp.Generators;

/// <summary>The names given to pipeline steps with <c>WithTrackingName</c>, so tests can assert what was cached.</summary>
public static class TrackingNames
{
    /// <summary>
    /// The semantic transform of each <c>[Tool]</c>, <c>[Prompt]</c>, <c>[Resource]</c>, <c>[ResourceTemplate]</c> and
    /// <c>[Completion]</c> method (model plus raw diagnostics); one step per attribute, all under this name.
    /// </summary>
    public const string Parse = "AwsMcp.Parse";

    /// <summary>The parse results of every kind, one value per method again.</summary>
    public const string Merge = "AwsMcp.Merge";

    /// <summary>The pure tool model that feeds one generated file per tool.</summary>
    public const string Spec = "AwsMcp.Spec";

    /// <summary>The enum and object types whose readers and writers the assembly's tools share.</summary>
    public const string JsonHelpers = "AwsMcp.JsonHelpers";

    /// <summary>The sorted list of tools that feeds the assembly's registration class.</summary>
    public const string Registration = "AwsMcp.Registration";

    /// <summary>The compilation's assembly name, which names the registration class.</summary>
    public const string AssemblyName = "AwsMcp.AssemblyName";

    /// <summary>All parse results of every kind, collected for the diagnostics (including duplicate names and unknown completion sources).</summary>
    public const string Diagnostics = "AwsMcp.Diagnostics";
}

namespace AwsMcp.Host.Plugins;

/// <summary>The named stages of loading a plugin, in order; failures report the stage they happened in.</summary>
public static class PluginLoadStages
{
    public const string CheckAbstractionsVersion = "check-abstractions-version";
    public const string ShadowCopy = "shadow-copy";
    public const string LoadAssembly = "load-assembly";
    public const string FindRegistration = "find-registration";
    public const string LoadDependencies = "load-dependencies";
    public const string CreateTools = "create-tools";
    public const string ValidateDescriptors = "validate-descriptors";
    public const string Register = "register";
}

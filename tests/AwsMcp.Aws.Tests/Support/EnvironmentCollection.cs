namespace AwsMcp.Aws.Tests.Support;

/// <summary>Tests that set process environment variables, or read them through the SDK, run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Process environment";
}

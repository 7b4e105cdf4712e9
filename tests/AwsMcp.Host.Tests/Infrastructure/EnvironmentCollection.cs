namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>Tests that set process environment variables (the command line reads them) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EnvironmentCollection
{
    public const string Name = "Process environment";
}

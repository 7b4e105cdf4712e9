namespace AwsMcp.Plugins.Tests.Infrastructure;

/// <summary>Every tool-pack test class joins this collection (<c>[Collection(SandboxCollection.Name)]</c>) and shares one <see cref="SandboxHostFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SandboxCollection : ICollectionFixture<SandboxHostFixture>
{
    public const string Name = "sandbox";
}

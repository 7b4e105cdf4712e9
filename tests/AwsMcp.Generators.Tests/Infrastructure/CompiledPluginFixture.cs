namespace AwsMcp.Generators.Tests.Infrastructure;

/// <summary>An xunit class fixture that compiles and loads a plugin source once for all tests of a class.</summary>
public abstract class CompiledPluginFixture(string source) : IDisposable
{
    internal LoadedToolPack Pack { get; } = LoadedToolPack.Compile(source);

    public void Dispose()
    {
        Pack.Dispose();
        GC.SuppressFinalize(this);
    }
}

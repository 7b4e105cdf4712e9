using System.Reflection;
using System.Runtime.Loader;
using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Sandbox.Testing;
using Microsoft.Extensions.Logging.Abstractions;

namespace AwsMcp.Generators.Tests.Infrastructure;

/// <summary>
/// A plugin compiled in memory (its sources plus the generated code), loaded into a collectible load context and
/// discovered the way the host does it: through <c>[assembly: ToolPack]</c>. AwsMcp.Abstractions resolves to the
/// test's own copy, so descriptor types are shared.
/// </summary>
internal sealed class LoadedToolPack : IDisposable
{
    private readonly AssemblyLoadContext _context;

    private LoadedToolPack(AssemblyLoadContext context, IReadOnlyList<ToolDescriptor> tools)
    {
        _context = context;
        Tools = tools;
    }

    public IReadOnlyList<ToolDescriptor> Tools { get; }

    public static LoadedToolPack Compile(params string[] sources)
    {
        GeneratorResult result = GeneratorHarness.Run(sources);
        if (result.CompilationErrors.Count > 0 || result.GeneratedCodeWarnings.Count > 0 || !result.Diagnostics.IsEmpty)
        {
            throw new InvalidOperationException("The plugin does not compile cleanly:\n" + Snapshot.FormatDiagnostics([.. result.CompilationErrors, .. result.GeneratedCodeWarnings, .. result.Diagnostics]));
        }

        using var image = new MemoryStream();
        Microsoft.CodeAnalysis.Emit.EmitResult emitted = result.Output.Emit(image);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("Emit failed:\n" + Snapshot.FormatDiagnostics(emitted.Diagnostics));
        }

        image.Position = 0;
        var context = new AssemblyLoadContext("plugin-under-test", isCollectible: true);
        Assembly assembly = context.LoadFromStream(image);
        ToolPackAttribute attribute = assembly.GetCustomAttribute<ToolPackAttribute>()
            ?? throw new InvalidOperationException("The generated [assembly: ToolPack] is missing.");
        var pack = (IToolPack)Activator.CreateInstance(attribute.RegistrationType)!;
        var packContext = new ToolPackContext("TestPlugin", new Dictionary<string, string?>(), NullLoggerFactory.Instance);
        return new LoadedToolPack(context, pack.CreateTools(packContext));
    }

    public ToolDescriptor this[string name] => Tools.Single(t => t.Name == name);

    /// <summary>Invokes tool <paramref name="name"/> with <paramref name="argumentsJson"/> as the caller <c>local</c>.</summary>
    public async Task<ToolResult> InvokeAsync(string name, string argumentsJson)
    {
        using JsonDocument arguments = JsonDocument.Parse(argumentsJson);
        return await this[name].Binder!(arguments.RootElement).InvokeAsync(SandboxToolContext.Call(name), CancellationToken.None);
    }

    public void Dispose() => _context.Unload();
}

using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AwsMcp.Host.Tests.Infrastructure;

/// <summary>
/// A real plugin assembly compiled against an "AwsMcp.Abstractions" 3.0.0.0 (also compiled here, in memory), so the
/// host meets a plugin from a future major version of the contract.
/// </summary>
internal static class FutureAbiPlugin
{
    public static void WriteTo(string folder, string name)
    {
        var abstractions = Compile(
            "AwsMcp.Abstractions",
            """
            [assembly: System.Reflection.AssemblyVersion("3.0.0.0")]
            namespace AwsMcp.Abstractions;
            public interface IToolPack { }
            [System.AttributeUsage(System.AttributeTargets.Assembly)]
            public sealed class ToolPackAttribute(System.Type registrationType) : System.Attribute
            {
                public System.Type RegistrationType { get; } = registrationType;
            }
            """,
            []);
        var plugin = Compile(
            name,
            "[assembly: AwsMcp.Abstractions.ToolPack(typeof(FuturePack))] public sealed class FuturePack : AwsMcp.Abstractions.IToolPack { }",
            [MetadataReference.CreateFromImage(abstractions)]);
        Directory.CreateDirectory(folder);
        File.WriteAllBytes(Path.Combine(folder, name + ".dll"), plugin);
    }

    private static byte[] Compile(string assemblyName, string source, IEnumerable<MetadataReference> references)
    {
        var compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText(source)],
            [.. Net100.References.All, .. references],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var stream = new MemoryStream();
        var result = compilation.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        return stream.ToArray();
    }
}

namespace AwsMcp.Abstractions;

/// <summary>The generated registration of one plugin assembly: creates its tool descriptors.</summary>
public interface IToolPack
{
    /// <summary>Creates the descriptors of every <c>[Tool]</c> method in the assembly, with tool-holder instances bound to <paramref name="context"/>.</summary>
    IReadOnlyList<ToolDescriptor> CreateTools(ToolPackContext context);
}

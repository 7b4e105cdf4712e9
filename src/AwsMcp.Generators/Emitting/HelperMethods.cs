using AwsMcp.Generators.Model;

namespace AwsMcp.Generators.Emitting;

/// <summary>
/// The helper methods (readers or writers) of one generated tool class: one per distinct shape, numbered in order of
/// first use, so nested types used several times get one method. Methods may request further methods while they
/// are emitted; <see cref="EmitAll"/> keeps going until none is left.
/// </summary>
internal sealed class HelperMethods(Action<SourceWriter, int, TypeShape> emitMethod)
{
    private readonly List<TypeShape> _shapes = [];

    /// <summary>The number of the method for <paramref name="shape"/>, requesting it on first use.</summary>
    public int For(TypeShape shape)
    {
        int index = _shapes.IndexOf(shape);
        if (index < 0)
        {
            index = _shapes.Count;
            _shapes.Add(shape);
        }

        return index;
    }

    public void EmitAll(SourceWriter writer)
    {
        for (int i = 0; i < _shapes.Count; i++)
        {
            writer.Line();
            emitMethod(writer, i, _shapes[i]);
        }
    }

    /// <summary>Emits <c>{header} switch { arm per member, fallbacks }</c> over an enum's members.</summary>
    public static void EmitEnumSwitch(SourceWriter writer, string header, TypeShape shape, Func<EnumMember, string> arm, params string[] fallbacks)
    {
        writer.Line(header + " switch");
        writer.Open();
        foreach (EnumMember member in shape.EnumMembers)
        {
            writer.Line(arm(member) + ",");
        }

        foreach (string fallback in fallbacks)
        {
            writer.Line(fallback + ",");
        }
        writer.Close("};");
    }
}

using AwsMcp.Generators.Model;

namespace AwsMcp.Generators.Emitting;

/// <summary>Model → the assembly's shared <c>ToolJson</c> class: one reader or writer per type. A pure function.</summary>
internal static class JsonHelperEmitter
{
    public const string HintName = "AwsMcp.ToolJson.g.cs";

    public static string Emit(JsonHelperSet helpers)
    {
        SourceWriter writer = ToolEmitter.OpenStaticClass(JsonHelpers.ClassName);
        bool first = true;
        foreach (TypeShape shape in helpers.Readers)
        {
            Separate(writer, ref first);
            BinderEmitter.EmitReader(writer, shape);
        }

        foreach (TypeShape shape in helpers.Writers)
        {
            Separate(writer, ref first);
            ResultWriterEmitter.EmitWriter(writer, shape);
        }

        writer.Close();
        writer.Close();
        return writer.ToString();
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

    private static void Separate(SourceWriter writer, ref bool first)
    {
        if (!first)
        {
            writer.Line();
        }

        first = false;
    }
}

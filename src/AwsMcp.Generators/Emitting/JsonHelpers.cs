using System.Text.RegularExpressions;
using AwsMcp.Generators.Model;
using AwsMcp.Generators.Parsing;

namespace AwsMcp.Generators.Emitting;

/// <summary>
/// Which enum and object types a tool reads and writes, and the names of their methods in the assembly's shared
/// <see cref="ClassName"/> class. A name comes from the type alone (its simple name for the reader of generated code, a
/// hash of its full name to keep closed generics and same-named types apart), so a tool's file can call a helper
/// without knowing the other tools.
/// </summary>
internal static class JsonHelpers
{
    public const string ClassName = "ToolJson";
    public const string Qualified = "global::" + ToolEmitter.Namespace + "." + ClassName;

    private static readonly Regex s_qualifiers = new(@"global::|[A-Za-z_][A-Za-z0-9_]*\.", RegexOptions.CultureInvariant);
    private static readonly Regex s_separators = new("_+", RegexOptions.CultureInvariant);

    public static string Reader(TypeShape shape) => "Read_" + Suffix(shape);

    public static string Writer(TypeShape shape) => "Write_" + Suffix(shape);

    public static string EnumText(TypeShape shape) => "Text_" + Suffix(shape);

    public static string Members(TypeShape shape) => "s_members_" + Suffix(shape);

    /// <summary>The readers and writers <paramref name="spec"/> needs, nested types included.</summary>
    public static JsonHelperSet Of(ToolSpec spec)
    {
        var readers = new Dictionary<string, TypeShape>(StringComparer.Ordinal);
        foreach (ParameterSpec parameter in spec.Parameters.Where(p => p.Role == ParameterRole.Argument))
        {
            Collect(parameter.Type!, readers);
        }

        var writers = new Dictionary<string, TypeShape>(StringComparer.Ordinal);
        if (spec.Result is not null)
        {
            Collect(spec.Result, writers);
        }

        return new JsonHelperSet(Sorted(readers.Values), Sorted(writers.Values));
    }

    /// <summary>One set for the assembly: each type once, whichever tools use it.</summary>
    public static JsonHelperSet Merge(IEnumerable<JsonHelperSet> sets)
    {
        JsonHelperSet[] all = [.. sets];
        return new JsonHelperSet(
            Sorted(all.SelectMany(s => s.Readers).GroupBy(s => s.TypeName, StringComparer.Ordinal).Select(g => g.First())),
            Sorted(all.SelectMany(s => s.Writers).GroupBy(s => s.TypeName, StringComparer.Ordinal).Select(g => g.First())));
    }

    private static void Collect(TypeShape shape, Dictionary<string, TypeShape> found)
    {
        shape = shape.AsNonNullable();
        if (shape.Kind is ShapeKind.Collection or ShapeKind.Dictionary)
        {
            Collect(shape.Element!, found);
            return;
        }

        if (shape.Kind is not (ShapeKind.Enum or ShapeKind.Object) || found.ContainsKey(shape.TypeName))
        {
            return;
        }

        found.Add(shape.TypeName, shape);
        foreach (PropertyShape property in shape.Properties)
        {
            Collect(property.Type, found);
        }
    }

    private static EquatableArray<TypeShape> Sorted(IEnumerable<TypeShape> shapes) =>
        shapes.OrderBy(s => s.TypeName, StringComparer.Ordinal).ToEquatableArray();

    /// <summary><c>Page_Pair_string_int_1a2b3c4d</c> for <c>global::Demo.Page&lt;global::Demo.Pair&lt;string, int&gt;&gt;</c>.</summary>
    private static string Suffix(TypeShape shape)
    {
        string simple = NameConventions.ToIdentifier(s_qualifiers.Replace(shape.TypeName, string.Empty));
        return s_separators.Replace(simple, "_").Trim('_') + "_" + NameConventions.StableHash(shape.TypeName);
    }
}

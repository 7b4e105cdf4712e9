using System.Globalization;
using AwsMcp.Generators.Model;
using static AwsMcp.Generators.Emitting.CSharpText;

namespace AwsMcp.Generators.Emitting;

/// <summary>
/// Emits the reflection-free binding of JSON arguments: one expression per value, and the reader methods of enum and
/// object types that the assembly's tools share (<see cref="JsonHelpers"/>). Every problem is recorded with its argument path (<c>filters[2].name</c>) in the call's
/// <c>problems</c>, so that the binder reports all of them at once; it is the tool's argument validator.
/// </summary>
internal static class BinderEmitter
{
    /// <summary>The name of the problem collector in every generated reader and lambda.</summary>
    public const string Problems = "problems";

    /// <summary>Declares the local <paramref name="local"/> holding the bound value of a root argument.</summary>
    public static void EmitArgument(SourceWriter writer, ParameterSpec parameter, string local)
    {
        EmitMember(writer, local, parameter.Type!, parameter.Constraints, parameter.IsRequired, parameter.Default, "arguments", parameter.JsonName, Literal(parameter.JsonName), "j_" + parameter.Name);
    }

    /// <summary>
    /// Declares <paramref name="local"/> with the value of a member of a JSON object: required members must be
    /// present; optional ones that are absent or null take their default (clients often send null for "not given").
    /// </summary>
    private static void EmitMember(SourceWriter writer, string local, TypeShape shape, Constraints constraints, bool required, DefaultValue? defaultValue, string objectExpression, string jsonName, string path, string elementLocal)
    {
        if (required)
        {
            writer.Line($"{JsonElement} {elementLocal} = {Reader}.Required({objectExpression}, {Literal(jsonName)}, {path}, {Problems});");
            writer.Line($"{shape.LocalTypeName} {local} = {Read(shape, constraints, elementLocal, path, depth: 0)};");
            return;
        }

        string read = Read(shape.AsNonNullable(), constraints, elementLocal, path, depth: 0);
        writer.Line($"{shape.LocalTypeName} {local} = {Reader}.TryGetValue({objectExpression}, {Literal(jsonName)}, out {JsonElement} {elementLocal}) ? {read} : {defaultValue!.CSharp};");
    }

    /// <summary>An expression reading <paramref name="element"/> as <paramref name="shape"/>, constraints checked.</summary>
    private static string Read(TypeShape shape, Constraints constraints, string element, string path, int depth)
    {
        string value = shape.Kind switch
        {
            ShapeKind.Json => $"{Reader}.JsonObject({element}, {path}, {Problems})",
            ShapeKind.Enum or ShapeKind.Object => $"{JsonHelpers.Qualified}.{JsonHelpers.Reader(shape)}({element}, {path}, {Problems})",
            ShapeKind.Collection => CollectionRead(shape, element, path, depth),
            ShapeKind.Dictionary => $"{Reader}.Dictionary<{shape.Element!.LocalTypeName}>({element}, {path}, {ItemReader(shape.Element!, depth)}, {Problems})",
            _ => $"{Reader}.{shape.Kind}({element}, {path}, {Problems})",
        };

        value = ApplyConstraints(value, shape, constraints, path);
        return shape.IsNullable ? $"{Reader}.IsNull({element}) ? ({shape.LocalTypeName})null : {value}" : value;
    }

    private static string CollectionRead(TypeShape shape, string element, string path, int depth)
    {
        string method = shape.Collection == CollectionKind.List ? "List" : "Array";
        return $"{Reader}.{method}<{shape.Element!.LocalTypeName}>({element}, {path}, {ItemReader(shape.Element!, depth)}, {Problems})";
    }

    private static string ItemReader(TypeShape item, int depth)
    {
        string element = "item" + depth.ToString(CultureInfo.InvariantCulture);
        string path = "itemPath" + depth.ToString(CultureInfo.InvariantCulture);
        return $"static ({element}, {path}, {Problems}) => {Read(item, Constraints.None, element, path, depth + 1)}";
    }

    /// <summary>Wraps <paramref name="value"/> in the checks its DataAnnotations ask for (also used for the target arguments).</summary>
    public static string ApplyConstraints(string value, TypeShape shape, Constraints constraints, string path)
    {
        bool isNumber = shape.Kind is >= ShapeKind.SByte and <= ShapeKind.Decimal;
        if (isNumber && constraints.HasRange)
        {
            value = $"{Checks}.Range({value}, {constraints.Minimum ?? "null"}, {constraints.Maximum ?? "null"}, {path}, {Problems})";
        }

        if (shape.Kind == ShapeKind.String && constraints.Pattern is { } pattern)
        {
            value = $"{Checks}.Pattern({value}, {Literal(SchemaEmitter.AnchoredPattern(pattern))}, {path}, {Problems})";
        }

        if ((shape.Kind == ShapeKind.String || shape.Kind == ShapeKind.Collection) && constraints.HasLength)
        {
            string method = shape.Kind == ShapeKind.String ? "Length" : "Count";
            value = $"{Checks}.{method}({value}, {Number(constraints.MinLength)}, {Number(constraints.MaxLength)}, {path}, {Problems})";
        }

        return value;
    }

    private static string Number(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    /// <summary>Emits the reader of a (non-nullable) enum or object type.</summary>
    public static void EmitReader(SourceWriter writer, TypeShape shape)
    {
        if (shape.Kind != ShapeKind.Enum)
        {
            EmitObjectReader(writer, shape);
            return;
        }

        string allowed = string.Join(", ", shape.EnumMembers.Select(m => m.JsonName));
        JsonHelperEmitter.EmitEnumSwitch(
            writer,
            $"public static {shape.TypeName} {JsonHelpers.Reader(shape)}({JsonElement} element, string path, {ProblemsType} {Problems}) => {Reader}.EnumText(element, path, {Problems})",
            shape,
            member => $"{Literal(member.JsonName)} => {shape.TypeName}.{Identifier(member.Name)}",
            $"null => default({shape.TypeName})",
            $"var other => {Reader}.NotAllowed<{shape.TypeName}>(path, other, {Literal(allowed)}, {Problems})");
    }

    private static void EmitObjectReader(SourceWriter writer, TypeShape shape)
    {
        string names = string.Join(", ", shape.Properties.Select(p => Literal(p.JsonName)));
        writer.Line($"private static readonly string[] {JsonHelpers.Members(shape)} = new string[] {{ {names} }};");
        writer.Line();
        writer.Line($"public static {shape.TypeName} {JsonHelpers.Reader(shape)}({JsonElement} element, string path, {ProblemsType} {Problems})");
        writer.Open();

        // A type is only constructed from members that bound: its constructor may reject the defaults read in
        // place of bad values, and the problems say what the caller must fix anyway.
        writer.Line($"int before = {Problems}.Count;");
        writer.Line($"if (!{Reader}.EnsureObject(element, path, {JsonHelpers.Members(shape)}, {Problems}))");
        writer.Open();
        writer.Line("return default!;");
        writer.Close();

        var constructorArguments = new List<string>();
        var initializers = new List<string>();
        var optional = new List<PropertyShape>();
        foreach (PropertyShape property in shape.Properties)
        {
            string local = "v_" + property.Name;
            bool inConstructorOrInitializer = property.Assignment == MemberAssignment.ConstructorArgument || property.IsRequired;
            if (!inConstructorOrInitializer)
            {
                optional.Add(property);
                continue;
            }

            EmitMember(writer, local, property.Type, property.Constraints, property.IsRequired, property.Default, "element", property.JsonName, PropertyPath(property), "j_" + property.Name);
            if (property.Assignment == MemberAssignment.ConstructorArgument)
            {
                constructorArguments.Add(local);
            }
            else
            {
                initializers.Add($"{Identifier(property.Name)} = {local}");
            }
        }

        writer.Line($"if ({Problems}.Count != before)");
        writer.Open();
        writer.Line("return default!;");
        writer.Close();
        string initializer = initializers.Count == 0 ? string.Empty : " { " + string.Join(", ", initializers) + " }";
        writer.Line($"var result = new {shape.TypeName}({string.Join(", ", constructorArguments)}){initializer};");
        foreach (PropertyShape property in optional)
        {
            string element = "j_" + property.Name;
            string value = Read(property.Type.AsNonNullable(), property.Constraints, element, PropertyPath(property), depth: 0);
            string assignment = property.Assignment == MemberAssignment.Init
                ? $"result = result with {{ {Identifier(property.Name)} = {value} }};"
                : $"result.{Identifier(property.Name)} = {value};";
            writer.Line($"if ({Reader}.TryGetValue(element, {Literal(property.JsonName)}, out {JsonElement} {element}))");
            writer.Open();
            writer.Line(assignment);
            writer.Close();
        }

        writer.Line("return result;");
        writer.Close();
    }

    private static string PropertyPath(PropertyShape property) => "path + " + Literal("." + property.JsonName);
}

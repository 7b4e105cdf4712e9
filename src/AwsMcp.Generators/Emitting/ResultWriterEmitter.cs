using System.Globalization;
using AwsMcp.Generators.Model;
using static AwsMcp.Generators.Emitting.CSharpText;

namespace AwsMcp.Generators.Emitting;

/// <summary>
/// Emits reflection-free <c>Utf8JsonWriter</c> code for structured results (System.Text.Json source generation cannot
/// see types produced by another generator). Null members are left out, matching the output schema's <c>required</c>.
/// The writers of enum and object types are shared by the assembly's tools (<see cref="JsonHelpers"/>).
/// </summary>
internal static class ResultWriterEmitter
{
    /// <summary>Emits <c>WriteResult(Utf8JsonWriter, T)</c>, the method the invoker passes to the result adapter.</summary>
    public static void EmitRoot(SourceWriter writer, TypeShape result, bool wrap)
    {
        writer.Line($"private static void WriteResult({Utf8JsonWriter} writer, {result.LocalTypeName} value)");
        writer.Open();
        if (!wrap)
        {
            if (!result.IsValueType)
            {
                // The type says "not null"; a null here is a bug in the tool, not something to serialize.
                writer.Line("global::System.ArgumentNullException.ThrowIfNull(value);");
            }

            writer.Line(Write(result, "writer", "value", depth: 0) + ";");
        }
        else
        {
            writer.Line("writer.WriteStartObject();");
            if (result.IsNullable)
            {
                writer.Line("if (value is { } result)");
                writer.Open();
                writer.Line("writer.WritePropertyName(\"result\");");
                writer.Line(Write(result.AsNonNullable(), "writer", "result", depth: 0) + ";");
                writer.Close();
            }
            else
            {
                writer.Line("writer.WritePropertyName(\"result\");");
                writer.Line(Write(result, "writer", "value", depth: 0) + ";");
            }

            writer.Line("writer.WriteEndObject();");
        }

        writer.Close();
    }

    /// <summary>An expression (of type void) writing <paramref name="value"/>, which may be null only when the shape is nullable.</summary>
    private static string Write(TypeShape shape, string writer, string value, int depth)
    {
        if (shape.IsNullable)
        {
            string method = shape.IsValueType ? "NullableValue" : "NullableReference";
            return $"{ResultWriter}.{method}({writer}, {value}, {Lambda(shape.AsNonNullable(), depth)})";
        }

        return shape.Kind switch
        {
            ShapeKind.String or ShapeKind.Guid or ShapeKind.DateTime => $"{writer}.WriteStringValue({value})",
            ShapeKind.DateTimeOffset => $"{ResultWriter}.Timestamp({writer}, {value})",
            ShapeKind.Boolean => $"{writer}.WriteBooleanValue({value})",
            ShapeKind.SByte or ShapeKind.Byte or ShapeKind.Int16 or ShapeKind.UInt16 => $"{writer}.WriteNumberValue((int){value})",
            ShapeKind.Int32 or ShapeKind.UInt32 or ShapeKind.Int64 or ShapeKind.UInt64 or ShapeKind.Single or ShapeKind.Double or ShapeKind.Decimal => $"{writer}.WriteNumberValue({value})",
            ShapeKind.Enum => $"{writer}.WriteStringValue({JsonHelpers.Qualified}.{JsonHelpers.EnumText(shape)}({value}))",
            ShapeKind.Json => $"{value}.WriteTo({writer})",
            ShapeKind.Collection => $"{ResultWriter}.Array({writer}, {value}, {Lambda(shape.Element!, depth)})",
            ShapeKind.Dictionary => $"{ResultWriter}.Object({writer}, {value}, {Lambda(shape.Element!, depth)})",
            _ => $"{JsonHelpers.Qualified}.{JsonHelpers.Writer(shape)}({writer}, {value})",
        };
    }

    private static string Lambda(TypeShape item, int depth)
    {
        string writer = "writer" + depth.ToString(CultureInfo.InvariantCulture);
        string value = "item" + depth.ToString(CultureInfo.InvariantCulture);
        return $"static ({writer}, {value}) => {Write(item, writer, value, depth + 1)}";
    }

    /// <summary>Emits the writer of a (non-nullable) enum or object type.</summary>
    public static void EmitWriter(SourceWriter writer, TypeShape shape)
    {
        if (shape.Kind != ShapeKind.Enum)
        {
            EmitObjectWriter(writer, shape);
            return;
        }

        // Values outside the declared members (flags, casts) have no name to map to.
        JsonHelperEmitter.EmitEnumSwitch(
            writer,
            $"public static string {JsonHelpers.EnumText(shape)}({shape.TypeName} value) => value",
            shape,
            member => $"{shape.TypeName}.{Identifier(member.Name)} => {Literal(member.JsonName)}",
            "_ => value.ToString()");
    }

    private static void EmitObjectWriter(SourceWriter writer, TypeShape shape)
    {
        writer.Line($"public static void {JsonHelpers.Writer(shape)}({Utf8JsonWriter} writer, {shape.TypeName} value)");
        writer.Open();
        writer.Line("writer.WriteStartObject();");
        foreach (PropertyShape property in shape.Properties)
        {
            string name = $"writer.WritePropertyName({Literal(property.JsonName)});";
            if (property.Type.IsValueType && !property.Type.IsNullable)
            {
                writer.Line(name);
                writer.Line(Write(property.Type, "writer", "value." + Identifier(property.Name), depth: 0) + ";");
                continue;
            }

            // Reference types are checked even when not annotated nullable: a null slipping through is left out
            // rather than written as a null the schema does not allow.
            string local = "v_" + property.Name;
            writer.Line($"if (value.{Identifier(property.Name)} is {{ }} {local})");
            writer.Open();
            writer.Line(name);
            writer.Line(Write(property.Type.AsNonNullable(), "writer", local, depth: 0) + ";");
            writer.Close();
        }

        writer.Line("writer.WriteEndObject();");
        writer.Close();
    }
}

using AwsMcp.Generators.Model;
using AwsMcp.Generators.Parsing;

namespace AwsMcp.Generators.Emitting;

/// <summary>
/// Writes the input and output JSON Schemas of a tool, Copilot-safe: a single <c>type</c> per schema (nullable means
/// "not required", never a type array), everything inlined (no <c>$ref</c>), no <c>anyOf</c>/<c>oneOf</c>, no numeric
/// exclusive bounds, <c>"type":"object"</c> at the root.
/// </summary>
internal static class SchemaEmitter
{
    public static string Input(ToolSpec spec)
    {
        var writer = new JsonSchemaWriter();
        writer.StartObject();
        writer.String("type", "object");
        writer.StartObject("properties");
        var required = new List<string>();
        foreach (ParameterSpec parameter in spec.Parameters)
        {
            if (parameter.Role != ParameterRole.Argument)
            {
                continue;
            }

            WriteSchema(writer, parameter.JsonName, parameter.Type!, parameter.Description, parameter.Constraints, parameter.Default?.Json);
            if (parameter.IsRequired)
            {
                required.Add(parameter.JsonName);
            }
        }

        if (spec.Target.Region)
        {
            if (spec.Target.FanOut)
            {
                WriteTargetList(writer, TargetArguments.Regions, TargetArguments.RegionsDescription);
            }
            else
            {
                WriteTargetArgument(writer, TargetArguments.Region, TargetArguments.RegionDescription, TargetArguments.RegionPattern);
            }
        }

        if (spec.Target.Account)
        {
            if (spec.Target.FanOut)
            {
                WriteTargetList(writer, TargetArguments.Accounts, TargetArguments.AccountsDescription);
            }
            else
            {
                WriteTargetArgument(writer, TargetArguments.Account, TargetArguments.AccountDescription, TargetArguments.AccountPattern);
            }
        }

        writer.EndObject();
        WriteRequired(writer, required);
        writer.Raw("additionalProperties", "false");
        writer.EndObject();
        return writer.ToString();
    }

    private static void WriteTargetArgument(JsonSchemaWriter writer, string name, string description, string pattern)
    {
        writer.StartObject(name);
        writer.String("type", "string");
        if (description.Length > 0)
        {
            writer.String("description", description);
        }

        writer.String("pattern", pattern);
        writer.EndObject();
    }

    // The names are checked by the binder (each a region or account name, or the one word alone): the schema stays short.
    private static void WriteTargetList(JsonSchemaWriter writer, string name, string description)
    {
        writer.StartObject(name);
        writer.String("type", "array");
        if (description.Length > 0)
        {
            writer.String("description", description);
        }

        writer.StartObject("items");
        writer.String("type", "string");
        writer.EndObject();
        writer.EndObject();
    }

    /// <summary>
    /// The output schema: the result object itself, or <c>{"result": ...}</c> when the result is not an object; for a
    /// fan-out tool (<paramref name="fanOutItems"/>, the list the host merges) the merged page, which a one-target
    /// answer satisfies too: each item may name its region and account, and <c>targets</c> reports on each target.
    /// </summary>
    public static string Output(TypeShape result, bool wrap, string? fanOutItems = null)
    {
        var writer = new JsonSchemaWriter();
        if (fanOutItems is not null)
        {
            WriteMergedPage(writer, result, fanOutItems);
            return writer.ToString();
        }

        if (!wrap)
        {
            WriteSchema(writer, name: null, result, description: null, Constraints.None, defaultJson: null);
            return writer.ToString();
        }

        writer.StartObject();
        writer.String("type", "object");
        writer.StartObject("properties");
        WriteSchema(writer, "result", result, description: null, Constraints.None, defaultJson: null);
        writer.EndObject();
        WriteRequired(writer, result.IsNullable ? [] : ["result"]);
        writer.Raw("additionalProperties", "false");
        writer.EndObject();
        return writer.ToString();
    }

    private static void WriteSchema(
        JsonSchemaWriter writer, string? name, TypeShape shape, string? description, Constraints constraints, string? defaultJson, bool listAllowed = true)
    {
        writer.StartObject(name);
        writer.String("type", JsonType(shape.Kind));
        string? allowedValues = AllowedValues(shape);
        if (listAllowed && allowedValues is { } allowed)
        {
            description = string.IsNullOrEmpty(description)
                ? $"One of: {allowed}."
                : $"{description!.TrimEnd()}{(description!.TrimEnd().EndsWith(".", StringComparison.Ordinal) ? " " : ". ")}One of: {allowed}.";
        }

        if (!string.IsNullOrEmpty(description))
        {
            writer.String("description", description!);
        }

        if (Format(shape.Kind) is { } format)
        {
            writer.String("format", format);
        }

        if (shape.Kind == ShapeKind.Enum)
        {
            writer.StartArray("enum");
            foreach (EnumMember member in shape.EnumMembers)
            {
                writer.Raw(null, JsonText.Quote(member.JsonName));
            }

            writer.EndArray();
        }

        WriteConstraints(writer, shape, constraints);
        switch (shape.Kind)
        {
            case ShapeKind.Collection:
                // The values are listed once, in the description of the argument itself.
                WriteSchema(writer, "items", shape.Element!, description: null, Constraints.None, defaultJson: null, listAllowed: allowedValues is null);
                break;
            case ShapeKind.Dictionary:
                WriteSchema(writer, "additionalProperties", shape.Element!, description: null, Constraints.None, defaultJson: null, listAllowed: allowedValues is null);
                break;
            case ShapeKind.Object:
                WriteProperties(writer, shape);
                break;
        }

        if (defaultJson is not null)
        {
            writer.Raw("default", defaultJson);
        }

        writer.EndObject();
    }

    private static void WriteMergedPage(JsonSchemaWriter writer, TypeShape page, string items)
    {
        writer.StartObject();
        writer.String("type", "object");
        writer.StartObject("properties");
        foreach (PropertyShape property in page.Properties)
        {
            if (property.JsonName != items)
            {
                WriteSchema(writer, property.JsonName, property.Type, property.Description, property.Constraints, property.Default?.Json);
                continue;
            }

            writer.StartObject(items);
            writer.String("type", "array");
            if (!string.IsNullOrEmpty(property.Description))
            {
                writer.String("description", property.Description!);
            }

            writer.StartObject("items");
            writer.String("type", "object");
            WriteProperties(writer, property.Type.Element!, tagged: true);
            writer.EndObject();
            writer.EndObject();
        }

        writer.StartObject(FanOutPage.Targets);
        writer.String("type", "array");
        writer.String("description", "Per target: ok with its count, or denied, failed or timed_out with the error.");
        writer.StartObject("items");
        writer.String("type", "object");
        writer.StartObject("properties");
        foreach (string name in new[] { "region", "account", "status", "error" })
        {
            writer.StartObject(name);
            writer.String("type", "string");
            writer.EndObject();
        }

        writer.StartObject("count");
        writer.String("type", "integer");
        writer.EndObject();
        writer.EndObject();
        WriteRequired(writer, ["status"]);
        writer.Raw("additionalProperties", "false");
        writer.EndObject();
        writer.EndObject();
        writer.EndObject();
        WriteRequired(writer, page.Properties.Where(p => p.IsRequired).Select(p => p.JsonName).ToList());
        writer.Raw("additionalProperties", "false");
        writer.EndObject();
    }

    private static void WriteProperties(JsonSchemaWriter writer, TypeShape shape, bool tagged = false)
    {
        writer.StartObject("properties");
        foreach (PropertyShape property in shape.Properties)
        {
            WriteSchema(writer, property.JsonName, property.Type, property.Description, property.Constraints, property.Default?.Json);
        }

        // A merged item names its target, unless it names it already.
        foreach (string tag in new[] { FanOutPage.ItemRegion, FanOutPage.ItemAccount }.Where(tag => tagged && !shape.Properties.Any(p => p.JsonName == tag)))
        {
            writer.StartObject(tag);
            writer.String("type", "string");
            writer.EndObject();
        }

        writer.EndObject();
        WriteRequired(writer, shape.Properties.Where(p => p.IsRequired).Select(p => p.JsonName).ToList());
        writer.Raw("additionalProperties", "false");
    }

    private static void WriteConstraints(JsonSchemaWriter writer, TypeShape shape, Constraints constraints)
    {
        bool isNumber = JsonType(shape.Kind) is "integer" or "number";
        if (isNumber && constraints.Minimum is not null)
        {
            writer.Raw("minimum", constraints.Minimum);
        }

        if (isNumber && constraints.Maximum is not null)
        {
            writer.Raw("maximum", constraints.Maximum);
        }

        bool isCollection = shape.Kind == ShapeKind.Collection;
        if (shape.Kind == ShapeKind.String || isCollection)
        {
            if (constraints.MinLength is { } minimum)
            {
                writer.Raw(isCollection ? "minItems" : "minLength", minimum.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            if (constraints.MaxLength is { } maximum)
            {
                writer.Raw(isCollection ? "maxItems" : "maxLength", maximum.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        if (shape.Kind == ShapeKind.String && constraints.Pattern is { } pattern)
        {
            writer.String("pattern", AnchoredPattern(pattern));
        }
    }

    /// <summary>
    /// [RegularExpression] matches the whole value, JSON Schema's <c>pattern</c> matches anywhere: anchor it so
    /// the schema and the binder accept the same strings.
    /// </summary>
    public static string AnchoredPattern(string pattern) =>
        pattern.StartsWith("^", StringComparison.Ordinal) && pattern.EndsWith("$", StringComparison.Ordinal) ? pattern : "^(?:" + pattern + ")$";

    private static void WriteRequired(JsonSchemaWriter writer, IReadOnlyList<string> required)
    {
        if (required.Count == 0)
        {
            return;
        }

        writer.StartArray("required");
        foreach (string name in required)
        {
            writer.Raw(null, JsonText.Quote(name));
        }

        writer.EndArray();
    }

    /// <summary>"a, b, c" for enums and collections of enums, else null.</summary>
    private static string? AllowedValues(TypeShape shape)
    {
        TypeShape? enumShape = shape.Kind == ShapeKind.Enum ? shape : shape.Kind == ShapeKind.Collection && shape.Element!.Kind == ShapeKind.Enum ? shape.Element : null;
        return enumShape is null ? null : string.Join(", ", enumShape.EnumMembers.Select(m => m.JsonName));
    }

    private static string JsonType(ShapeKind kind) => kind switch
    {
        ShapeKind.String or ShapeKind.Guid or ShapeKind.DateTime or ShapeKind.DateTimeOffset or ShapeKind.Enum => "string",
        ShapeKind.Boolean => "boolean",
        ShapeKind.SByte or ShapeKind.Byte or ShapeKind.Int16 or ShapeKind.UInt16 or ShapeKind.Int32 or ShapeKind.UInt32 or ShapeKind.Int64 or ShapeKind.UInt64 => "integer",
        ShapeKind.Single or ShapeKind.Double or ShapeKind.Decimal => "number",
        ShapeKind.Collection => "array",
        _ => "object", // objects, dictionaries and free-form JsonElement objects
    };

    private static string? Format(ShapeKind kind) => kind switch
    {
        ShapeKind.Guid => "uuid",
        ShapeKind.DateTime or ShapeKind.DateTimeOffset => "date-time",
        _ => null,
    };
}

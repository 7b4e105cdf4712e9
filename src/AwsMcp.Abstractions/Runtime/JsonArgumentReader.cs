using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace AwsMcp.Abstractions.Runtime;

/// <summary>
/// Reflection-free readers that generated tool invokers call to bind JSON arguments. Every failure is a
/// <see cref="ToolArgumentException"/> naming the full argument path (<c>filters[2].name</c>). Not for direct use.
/// </summary>
/// <remarks>
/// Numbers and booleans sent as JSON strings (<c>"5"</c>, <c>"true"</c>) are accepted: some clients (Copilot Studio's
/// connector runtime among them) stringify scalar arguments. JSON null for an optional argument means "not given".
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonArgumentReader
{
    /// <summary>The path used for problems with the arguments object itself.</summary>
    public const string RootPath = "arguments";

    /// <summary>Checks the arguments object: absent or null means no arguments; unknown properties are rejected.</summary>
    public static void EnsureArguments(JsonElement arguments, string[] allowedNames)
    {
        if (arguments.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return;
        }

        EnsureObject(arguments, string.Empty, allowedNames);
    }

    /// <summary>Checks that <paramref name="element"/> is an object with no properties outside <paramref name="allowedNames"/> (the schemas say <c>additionalProperties: false</c>).</summary>
    public static void EnsureObject(JsonElement element, string path, string[] allowedNames)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Mismatch(path.Length == 0 ? RootPath : path, "an object", element);
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (System.Array.IndexOf(allowedNames, property.Name) < 0)
            {
                string allowed = allowedNames.Length == 0 ? "this object takes no properties" : "expected one of: " + string.Join(", ", allowedNames);
                throw new ToolArgumentException(Child(path, property.Name), $"unknown property; {allowed}");
            }
        }
    }

    /// <summary>The member <paramref name="name"/> of an object, when present and not null.</summary>
    public static bool TryGetValue(JsonElement element, string name, out JsonElement value)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out value) && value.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>The member <paramref name="name"/>, which must be present (it may be null; the value reader decides).</summary>
    public static JsonElement Required(JsonElement element, string name, string path) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value)
            ? value
            : throw new ToolArgumentException(path, "is required");

    public static bool IsNull(JsonElement element) => element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    public static string String(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String ? element.GetString()! : throw Mismatch(path, "a string", element);

    public static bool Boolean(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String when bool.TryParse(element.GetString(), out bool value) => value,
        _ => throw Mismatch(path, "a boolean", element),
    };

    public static sbyte SByte(JsonElement element, string path) => Integer<sbyte>(element, path, "an integer from -128 to 127");

    public static byte Byte(JsonElement element, string path) => Integer<byte>(element, path, "an integer from 0 to 255");

    public static short Int16(JsonElement element, string path) => Integer<short>(element, path, "an integer from -32768 to 32767");

    public static ushort UInt16(JsonElement element, string path) => Integer<ushort>(element, path, "an integer from 0 to 65535");

    public static int Int32(JsonElement element, string path) => Integer<int>(element, path, "a 32-bit integer");

    public static uint UInt32(JsonElement element, string path) => Integer<uint>(element, path, "a non-negative 32-bit integer");

    public static long Int64(JsonElement element, string path) => Integer<long>(element, path, "a 64-bit integer");

    public static ulong UInt64(JsonElement element, string path) => Integer<ulong>(element, path, "a non-negative 64-bit integer");

    public static float Single(JsonElement element, string path) => Number<float>(element, path);

    public static double Double(JsonElement element, string path) => Number<double>(element, path);

    public static decimal Decimal(JsonElement element, string path) => Number<decimal>(element, path);

    public static Guid Guid(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String && element.TryGetGuid(out Guid value) ? value : throw Mismatch(path, "a UUID string", element);

    public static DateTime DateTime(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String && element.TryGetDateTime(out DateTime value) ? value : throw Mismatch(path, "an ISO 8601 date-time string", element);

    public static DateTimeOffset DateTimeOffset(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.String && element.TryGetDateTimeOffset(out DateTimeOffset value) ? value : throw Mismatch(path, "an ISO 8601 date-time string", element);

    /// <summary>A free-form JSON object (the schema says <c>"type":"object"</c>), detached from the request's document.</summary>
    public static JsonElement JsonObject(JsonElement element, string path) =>
        element.ValueKind == JsonValueKind.Object ? element.Clone() : throw Mismatch(path, "an object", element);

    public static T[] Array<T>(JsonElement element, string path, Func<JsonElement, string, T> readItem)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw Mismatch(path, "an array", element);
        }

        var items = new T[element.GetArrayLength()];
        int index = 0;
        foreach (JsonElement item in element.EnumerateArray())
        {
            items[index] = readItem(item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
            index++;
        }

        return items;
    }

    public static List<T> List<T>(JsonElement element, string path, Func<JsonElement, string, T> readItem) => [.. Array(element, path, readItem)];

    public static Dictionary<string, T> Dictionary<T>(JsonElement element, string path, Func<JsonElement, string, T> readValue)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Mismatch(path, "an object", element);
        }

        var values = new Dictionary<string, T>(StringComparer.Ordinal);
        foreach (JsonProperty property in element.EnumerateObject())
        {
            values[property.Name] = readValue(property.Value, Child(path, property.Name));
        }

        return values;
    }

    /// <summary>The error for a string that is not one of an enum's values.</summary>
    public static ToolArgumentException NotAllowed(string path, string value, string allowedValues) =>
        new(path, $"'{value}' is not allowed; expected one of: {allowedValues}");

    /// <summary>
    /// An integer of type <typeparamref name="T"/>. A number with a zero fraction or an exponent (<c>5.0</c>,
    /// <c>1e3</c>) is an integer in JSON Schema, so it is accepted when it fits.
    /// </summary>
    private static T Integer<T>(JsonElement element, string path, string expected)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        string? text = ScalarText(element);
        if (T.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out T value))
        {
            return value;
        }

        return decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number)
               && number == decimal.Truncate(number)
               && number >= decimal.CreateTruncating(T.MinValue)
               && number <= decimal.CreateTruncating(T.MaxValue)
            ? T.CreateChecked(number)
            : throw Mismatch(path, expected, element);
    }

    private static T Number<T>(JsonElement element, string path)
        where T : struct, IFloatingPoint<T>
    {
        string? text = ScalarText(element);
        return T.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out T value) && T.IsFinite(value)
            ? value
            : throw Mismatch(path, "a number", element);
    }

    /// <summary>The text of a number, or of a string that may hold one (clients that stringify scalars).</summary>
    private static string? ScalarText(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => element.GetRawText(),
        JsonValueKind.String => element.GetString(),
        _ => null,
    };

    private static ToolArgumentException Mismatch(string path, string expected, JsonElement actual) =>
        actual.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined
            ? new ToolArgumentException(path, $"must not be null; expected {expected}")
            : new ToolArgumentException(path, $"expected {expected}, got {Describe(actual)}");

    private static string Describe(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => "the string " + Shorten(element.GetRawText()),
        JsonValueKind.Number => "the number " + Shorten(element.GetRawText()),
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        _ => element.ValueKind.ToString(),
    };

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..37] + "...";

    private static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;
}

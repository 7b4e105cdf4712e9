using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace AwsMcp.Abstractions.Runtime;

/// <summary>
/// Reflection-free readers that generated binders call. A value that does not fit is recorded in
/// <see cref="ArgumentProblems"/> with its full path (<c>filters[2].name</c>) and read as the type's default, so that
/// one pass finds every problem; the binder throws once at the end. Not for direct use.
/// </summary>
/// <remarks>
/// Numbers and booleans sent as JSON strings (<c>"5"</c>, <c>"true"</c>) are accepted: some clients (Copilot Studio's
/// connector runtime among them) stringify scalar arguments. JSON null for an optional argument means "not given".
/// A missing required member is reported once by <see cref="Required"/>; readers then see an undefined element and
/// stay silent.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonArgumentReader
{
    /// <summary>The path used for problems with the arguments object itself.</summary>
    public const string RootPath = "arguments";

    /// <summary>Checks the arguments object: absent or null means no arguments; unknown properties are problems.</summary>
    public static void EnsureArguments(JsonElement arguments, string[] allowedNames, ArgumentProblems problems)
    {
        if (arguments.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null)
        {
            return;
        }

        EnsureObject(arguments, string.Empty, allowedNames, problems);
    }

    /// <summary>
    /// Checks that <paramref name="element"/> is an object with no properties outside <paramref name="allowedNames"/>
    /// (the schemas say <c>additionalProperties: false</c>); false when it is not an object at all.
    /// </summary>
    public static bool EnsureObject(JsonElement element, string path, string[] allowedNames, ArgumentProblems problems)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            Mismatch(problems, path.Length == 0 ? RootPath : path, "an object", element);
            return false;
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (!TryGetName(property, out string? name))
            {
                problems.Add(path.Length == 0 ? RootPath : path, "has a property name that is not valid text (an unpaired UTF-16 surrogate)");
            }
            else if (System.Array.IndexOf(allowedNames, name) < 0)
            {
                string allowed = allowedNames.Length == 0 ? "this object takes no properties" : "expected one of: " + string.Join(", ", allowedNames);
                problems.Add(Child(path, name), ClosestName.Find(name, allowedNames) is { } closest
                    ? $"unknown property (did you mean '{closest}'?); {allowed}"
                    : $"unknown property; {allowed}");
            }
        }

        return true;
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
    public static JsonElement Required(JsonElement element, string name, string path, ArgumentProblems problems)
    {
        if (element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value))
        {
            return value;
        }

        // Only a present object is missing members; a non-object was reported by EnsureObject already.
        if (element.ValueKind is JsonValueKind.Object or JsonValueKind.Undefined or JsonValueKind.Null)
        {
            problems.Add(path, "is required");
        }

        return default;
    }

    public static bool IsNull(JsonElement element) => element.ValueKind is JsonValueKind.Null or JsonValueKind.Undefined;

    public static string String(JsonElement element, string path, ArgumentProblems problems)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            try
            {
                return element.GetString()!;
            }
            catch (InvalidOperationException)
            {
                problems.Add(path, "is not valid text: it contains an unpaired UTF-16 surrogate");
                return string.Empty;
            }
        }

        Mismatch(problems, path, "a string", element);
        return string.Empty;
    }

    public static bool Boolean(JsonElement element, string path, ArgumentProblems problems)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.String when bool.TryParse(element.GetString(), out bool value):
                return value;
            default:
                Mismatch(problems, path, "a boolean", element);
                return false;
        }
    }

    public static sbyte SByte(JsonElement element, string path, ArgumentProblems problems) => Integer<sbyte>(element, path, "an integer from -128 to 127", problems);

    public static byte Byte(JsonElement element, string path, ArgumentProblems problems) => Integer<byte>(element, path, "an integer from 0 to 255", problems);

    public static short Int16(JsonElement element, string path, ArgumentProblems problems) => Integer<short>(element, path, "an integer from -32768 to 32767", problems);

    public static ushort UInt16(JsonElement element, string path, ArgumentProblems problems) => Integer<ushort>(element, path, "an integer from 0 to 65535", problems);

    public static int Int32(JsonElement element, string path, ArgumentProblems problems) => Integer<int>(element, path, "a 32-bit integer", problems);

    public static uint UInt32(JsonElement element, string path, ArgumentProblems problems) => Integer<uint>(element, path, "a non-negative 32-bit integer", problems);

    public static long Int64(JsonElement element, string path, ArgumentProblems problems) => Integer<long>(element, path, "a 64-bit integer", problems);

    public static ulong UInt64(JsonElement element, string path, ArgumentProblems problems) => Integer<ulong>(element, path, "a non-negative 64-bit integer", problems);

    public static float Single(JsonElement element, string path, ArgumentProblems problems) => Number<float>(element, path, problems);

    public static double Double(JsonElement element, string path, ArgumentProblems problems) => Number<double>(element, path, problems);

    public static decimal Decimal(JsonElement element, string path, ArgumentProblems problems) => Number<decimal>(element, path, problems);

    public static Guid Guid(JsonElement element, string path, ArgumentProblems problems)
    {
        if (element.ValueKind == JsonValueKind.String && element.TryGetGuid(out Guid value))
        {
            return value;
        }

        Mismatch(problems, path, "a UUID string", element);
        return default;
    }

    public static DateTime DateTime(JsonElement element, string path, ArgumentProblems problems)
    {
        if (element.ValueKind == JsonValueKind.String && element.TryGetDateTime(out DateTime value))
        {
            return value;
        }

        Mismatch(problems, path, "an ISO 8601 date-time string", element);
        return default;
    }

    public static DateTimeOffset DateTimeOffset(JsonElement element, string path, ArgumentProblems problems)
    {
        if (element.ValueKind == JsonValueKind.String && element.TryGetDateTimeOffset(out DateTimeOffset value))
        {
            return value;
        }

        Mismatch(problems, path, "an ISO 8601 date-time string", element);
        return default;
    }

    /// <summary>A free-form JSON object (the schema says <c>"type":"object"</c>), detached from the request's document.</summary>
    public static JsonElement JsonObject(JsonElement element, string path, ArgumentProblems problems)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            return element.Clone();
        }

        Mismatch(problems, path, "an object", element);
        return default;
    }

    public static T[] Array<T>(JsonElement element, string path, Func<JsonElement, string, ArgumentProblems, T> readItem, ArgumentProblems problems)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            Mismatch(problems, path, "an array", element);
            return [];
        }

        var items = new T[element.GetArrayLength()];
        int index = 0;
        foreach (JsonElement item in element.EnumerateArray())
        {
            items[index] = readItem(item, path + "[" + index.ToString(CultureInfo.InvariantCulture) + "]", problems);
            index++;
        }

        return items;
    }

    public static List<T> List<T>(JsonElement element, string path, Func<JsonElement, string, ArgumentProblems, T> readItem, ArgumentProblems problems) =>
        [.. Array(element, path, readItem, problems)];

    public static Dictionary<string, T> Dictionary<T>(JsonElement element, string path, Func<JsonElement, string, ArgumentProblems, T> readValue, ArgumentProblems problems)
    {
        var values = new Dictionary<string, T>(StringComparer.Ordinal);
        if (element.ValueKind != JsonValueKind.Object)
        {
            Mismatch(problems, path, "an object", element);
            return values;
        }

        foreach (JsonProperty property in element.EnumerateObject())
        {
            if (TryGetName(property, out string? name))
            {
                values[name] = readValue(property.Value, Child(path, name), problems);
            }
            else
            {
                problems.Add(path, "has a key that is not valid text (an unpaired UTF-16 surrogate)");
            }
        }

        return values;
    }

    /// <summary>The text of an enum value, or null when it is not a readable string (the problem is recorded).</summary>
    public static string? EnumText(JsonElement element, string path, ArgumentProblems problems)
    {
        int before = problems.Count;
        string text = String(element, path, problems);
        return problems.Count == before ? text : null;
    }

    /// <summary>Records a string that is not one of an enum's values; returns the enum's default.</summary>
    public static T NotAllowed<T>(string path, string value, string allowedValues, ArgumentProblems problems)
        where T : struct, Enum
    {
        problems.Add(path, $"'{Shorten(value)}' is not allowed; expected one of: {allowedValues}");
        return default;
    }

    /// <summary>
    /// An integer of type <typeparamref name="T"/>. A number with a zero fraction or an exponent (<c>5.0</c>,
    /// <c>1e3</c>) is an integer in JSON Schema, so it is accepted when it fits.
    /// </summary>
    private static T Integer<T>(JsonElement element, string path, string expected, ArgumentProblems problems)
        where T : struct, IBinaryInteger<T>, IMinMaxValue<T>
    {
        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out long whole) && T.CreateSaturating(whole) is var fitted
            && long.CreateSaturating(fitted) == whole)
        {
            return fitted;
        }

        string? text = ScalarText(element);
        if (T.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out T value))
        {
            return value;
        }

        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal number)
            && number == decimal.Truncate(number)
            && number >= decimal.CreateTruncating(T.MinValue)
            && number <= decimal.CreateTruncating(T.MaxValue))
        {
            return T.CreateChecked(number);
        }

        Mismatch(problems, path, expected, element);
        return default;
    }

    private static T Number<T>(JsonElement element, string path, ArgumentProblems problems)
        where T : struct, IFloatingPoint<T>
    {
        if (T.TryParse(ScalarText(element), NumberStyles.Float, CultureInfo.InvariantCulture, out T value) && T.IsFinite(value))
        {
            return value;
        }

        Mismatch(problems, path, "a finite number", element);
        return default;
    }

    /// <summary>The text of a number, or of a string that may hold one (clients that stringify scalars).</summary>
    private static string? ScalarText(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.Number => element.GetRawText(),
                JsonValueKind.String => element.GetString(),
                _ => null,
            };
        }
        catch (InvalidOperationException)
        {
            return null; // a string with an unpaired surrogate is no number either
        }
    }

    private static bool TryGetName(JsonProperty property, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = null;
            return false;
        }
    }

    private static void Mismatch(ArgumentProblems problems, string path, string expected, JsonElement actual)
    {
        switch (actual.ValueKind)
        {
            case JsonValueKind.Undefined:
                return; // a missing required member, already reported
            case JsonValueKind.Null:
                problems.Add(path, $"must not be null; expected {expected}");
                return;
            default:
                problems.Add(path, $"expected {expected}, got {Describe(actual)}");
                return;
        }
    }

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

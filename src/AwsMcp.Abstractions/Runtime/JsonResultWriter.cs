using System.ComponentModel;
using System.Text.Json;

namespace AwsMcp.Abstractions.Runtime;

/// <summary>Helpers the generated result writers use for collections and nullable values. Not for direct use.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class JsonResultWriter
{
    /// <summary>
    /// A point in time as a model reads it best and shortest: UTC with <c>Z</c>, fractional seconds only when there are
    /// any (<c>2026-08-08T02:31:24Z</c>, <c>2026-08-08T02:31:24.018Z</c>), instead of <c>2026-08-08T02:31:24.0180000+00:00</c>.
    /// </summary>
    public static void Timestamp(Utf8JsonWriter writer, DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        Span<byte> text = stackalloc byte[32];
        var format = utc.Ticks % TimeSpan.TicksPerSecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss'Z'"
            : utc.Ticks % TimeSpan.TicksPerMillisecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss.fff'Z'"
            : "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
        utc.TryFormat(text, out var written, format, System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteStringValue(text[..written]);
    }

    public static void Array<T>(Utf8JsonWriter writer, IEnumerable<T> items, Action<Utf8JsonWriter, T> writeItem)
    {
        writer.WriteStartArray();
        foreach (T item in items)
        {
            writeItem(writer, item);
        }

        writer.WriteEndArray();
    }

    public static void Object<T>(Utf8JsonWriter writer, IEnumerable<KeyValuePair<string, T>> entries, Action<Utf8JsonWriter, T> writeValue)
    {
        writer.WriteStartObject();
        foreach (KeyValuePair<string, T> entry in entries)
        {
            writer.WritePropertyName(entry.Key);
            writeValue(writer, entry.Value);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes null or the value (collection items and dictionary values may be null).</summary>
    public static void NullableReference<T>(Utf8JsonWriter writer, T? value, Action<Utf8JsonWriter, T> write)
        where T : class
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            write(writer, value);
        }
    }

    /// <inheritdoc cref="NullableReference{T}(Utf8JsonWriter, T, Action{Utf8JsonWriter, T})"/>
    public static void NullableValue<T>(Utf8JsonWriter writer, T? value, Action<Utf8JsonWriter, T> write)
        where T : struct
    {
        if (value is { } present)
        {
            write(writer, present);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

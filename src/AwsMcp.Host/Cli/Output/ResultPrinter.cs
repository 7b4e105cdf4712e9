using System.Text.Encodings.Web;
using System.Text.Json;

namespace AwsMcp.Host.Cli.Output;

/// <summary>Prints what one-shot commands answer in the format asked for: tables and indented JSON for people, compact JSON for programs.</summary>
public static class ResultPrinter
{
    private const int MaxCellLength = 60;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private static readonly JsonSerializerOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary><paramref name="requested"/>, with <see cref="OutputFormat.Auto"/> decided by where the output goes.</summary>
    public static OutputFormat Resolve(OutputFormat requested, TextWriter output, OutputFormat onTerminal) =>
        requested != OutputFormat.Auto ? requested
        : ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected ? onTerminal
        : OutputFormat.Json;

    /// <summary>A tool's text result: JSON as asked; a list (<c>items</c>) as a table; text that is not JSON as it is.</summary>
    public static void WriteToolResult(TextWriter output, string text, OutputFormat format)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text);
        }
        catch (JsonException)
        {
            output.WriteLine(text);
            return;
        }

        using (document)
        {
            var root = document.RootElement;
            switch (format)
            {
                case OutputFormat.Json:
                    output.WriteLine(JsonSerializer.Serialize(root, Compact));
                    break;
                case OutputFormat.Table when root.ValueKind == JsonValueKind.Object && root.TryGetProperty("items", out var items) && items.ValueKind == JsonValueKind.Array:
                    WriteItems(output, items);
                    if (root.TryGetProperty("next_token", out var next) && next.ValueKind == JsonValueKind.String)
                    {
                        output.WriteLine($"more: pass \"next_token\": \"{next.GetString()}\"");
                    }

                    break;
                case OutputFormat.Table when root.ValueKind == JsonValueKind.Object:
                    TextTable.Write(output, ["FIELD", "VALUE"], root.EnumerateObject().Select(p => (IReadOnlyList<string>)[p.Name, Cell(p.Value)]));
                    break;
                default:
                    output.WriteLine(JsonSerializer.Serialize(root, Indented));
                    break;
            }
        }
    }

    /// <summary>Rows with a header: a table, or a JSON array of objects keyed by the lower-cased header.</summary>
    public static void WriteRows(TextWriter output, IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows, OutputFormat format)
    {
        if (format == OutputFormat.Table)
        {
            TextTable.Write(output, header, rows);
            return;
        }

        var keys = header.Select(column => column.ToLowerInvariant()).ToArray();
        var objects = rows.Select(row => keys.Select((key, i) => (key, row[i])).ToDictionary(cell => cell.key, cell => cell.Item2, StringComparer.Ordinal)).ToList();
        output.WriteLine(JsonSerializer.Serialize(objects, format == OutputFormat.Json ? Compact : Indented));
    }

    private static void WriteItems(TextWriter output, JsonElement items)
    {
        // Columns in the order they first appear; an item without a field leaves its cell empty.
        var columns = new List<string>();
        foreach (var item in items.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.Object))
        {
            columns.AddRange(item.EnumerateObject().Select(p => p.Name).Where(name => !columns.Contains(name)));
        }

        if (columns.Count == 0)
        {
            output.WriteLine(items.GetArrayLength() == 0 ? "(no items)" : JsonSerializer.Serialize(items, Indented));
            return;
        }

        var rows = items.EnumerateArray().Select(item => (IReadOnlyList<string>)[.. columns.Select(column =>
            item.ValueKind == JsonValueKind.Object && item.TryGetProperty(column, out var value) ? Cell(value) : string.Empty)]);
        TextTable.Write(output, [.. columns.Select(column => column.ToUpperInvariant())], rows);
    }

    private static string Cell(JsonElement value)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Null => string.Empty,
            _ => JsonSerializer.Serialize(value, Compact),
        };
        text = text.ReplaceLineEndings(" ");
        return text.Length <= MaxCellLength ? text : string.Concat(text.AsSpan(0, MaxCellLength - 1), "…");
    }
}

using System.Text.Json;
using AwsMcp.Abstractions;
using AwsMcp.Abstractions.Runtime;
using Json.Schema;

namespace AwsMcp.Host.ToolCalls.Binding;

/// <summary>
/// The binder of a hand-built descriptor (generated ones bind and validate in generated code): checks the arguments
/// against the descriptor's input schema, reporting every problem with its path, and reads its declared roles
/// (target, resources, counts) from them.
/// </summary>
public sealed class SchemaBinder
{
    private static readonly EvaluationOptions Evaluation = new() { OutputFormat = OutputFormat.List };

    private readonly ToolDescriptor _descriptor;
    private readonly JsonSchema _schema;

    /// <exception cref="JsonException">The schema cannot be compiled.</exception>
    public SchemaBinder(ToolDescriptor descriptor)
    {
        _descriptor = descriptor;
        _schema = JsonSchema.FromText(descriptor.InputSchemaJson);
    }

    public BoundToolCall Bind(JsonElement arguments)
    {
        var problems = Problems(arguments.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? EmptyObject : arguments);
        if (problems.Count > 0)
        {
            throw new ToolArgumentException(problems);
        }

        var roles = _descriptor.Roles;
        return new InvokerCall(
            _descriptor.Invoker!,
            arguments,
            String(arguments, roles.Region),
            String(arguments, roles.Account),
            [.. roles.Resources.SelectMany(name => Strings(arguments, name))],
            roles.Counts.Sum(name => Count(arguments, name)));
    }

    private static readonly JsonElement EmptyObject = JsonDocument.Parse("{}").RootElement.Clone();

    private List<ArgumentProblem> Problems(JsonElement arguments)
    {
        var results = _schema.Evaluate(arguments, Evaluation);
        var problems = new List<ArgumentProblem>();
        if (results.IsValid)
        {
            return problems;
        }

        foreach (var detail in results.Details ?? [])
        {
            foreach (var (keyword, message) in detail.Errors ?? new Dictionary<string, string>())
            {
                var path = ArgumentPath(detail.InstanceLocation.ToString());
                var problem = keyword switch
                {
                    "required" => new ArgumentProblem(path.Length == 0 ? JsonArgumentReader.RootPath : path, message),
                    "" or "false" => new ArgumentProblem(path, "is not an argument of this tool"),
                    _ => new ArgumentProblem(path.Length == 0 ? JsonArgumentReader.RootPath : path, message),
                };
                if (!problems.Contains(problem))
                {
                    problems.Add(problem);
                }
            }
        }

        if (problems.Count == 0)
        {
            problems.Add(new ArgumentProblem(JsonArgumentReader.RootPath, "do not match the tool's input schema"));
        }

        return problems;
    }

    /// <summary><c>/filters/2/name</c> → <c>filters[2].name</c>.</summary>
    private static string ArgumentPath(string pointer)
    {
        var path = new System.Text.StringBuilder();
        foreach (var segment in pointer.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = segment.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (name.All(char.IsAsciiDigit))
            {
                path.Append('[').Append(name).Append(']');
            }
            else
            {
                path.Append(path.Length == 0 ? string.Empty : ".").Append(name);
            }
        }

        return path.ToString();
    }

    private static string? String(JsonElement arguments, string? name) =>
        name is not null && arguments.ValueKind == JsonValueKind.Object && arguments.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static IEnumerable<string> Strings(JsonElement arguments, string name)
    {
        if (arguments.ValueKind != JsonValueKind.Object || !arguments.TryGetProperty(name, out var value))
        {
            return [];
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => [value.GetString()!],
            JsonValueKind.Array => value.EnumerateArray().Where(item => item.ValueKind == JsonValueKind.String).Select(item => item.GetString()!).ToList(),
            _ => [],
        };
    }

    private static int Count(JsonElement arguments, string name) =>
        arguments.ValueKind == JsonValueKind.Object && arguments.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.Number
            ? value.TryGetInt64(out var count) ? (int)Math.Clamp(count, 0, int.MaxValue) : int.MaxValue
            : 0;

    private sealed class InvokerCall(
        ToolInvoker invoker, JsonElement arguments, string? region, string? account, IReadOnlyList<string> resources, int counted)
        : BoundToolCall(region, account)
    {
        public override IReadOnlyList<string> Resources => resources;

        public override int ResourceCount => (int)Math.Min(int.MaxValue, (long)resources.Count + counted);

        public override ValueTask<ToolResult> InvokeAsync(ToolContext context, CancellationToken cancellationToken) =>
            invoker(arguments, context, cancellationToken);
    }
}

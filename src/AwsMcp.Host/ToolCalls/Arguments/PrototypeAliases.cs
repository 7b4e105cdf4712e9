using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Host.Configuration;
using Microsoft.Extensions.Options;

namespace AwsMcp.Host.ToolCalls.Arguments;

/// <summary>
/// The Python prototype's names for tools AwsMcp renamed, with their arguments mapped, when an operator enables them
/// (<see cref="ToolOptions.PrototypeAliases"/>). Applied where a call is made, so that everything after (policy,
/// confirmation, audit) sees only the AwsMcp tool. Its other tools kept their names and argument names.
/// </summary>
public sealed class PrototypeAliases(IOptionsMonitor<ToolOptions> options)
{
    private sealed record Alias(string Tool, Func<JsonObject, JsonObject> Arguments);

    private static readonly Dictionary<string, Alias> Known = new(StringComparer.Ordinal)
    {
        // One instance became a list, and the change now asks for confirmation (the token passes through).
        ["terminate_ec2_instance"] = new("terminate_ec2_instances", arguments => Rename(arguments, "instance_id", "instance_ids", id => new JsonArray(id))),
    };

    /// <summary>The AwsMcp tool a prototype name stands for, whether or not aliases are enabled; null for any other name.</summary>
    public static string? TargetOf(string tool) => Known.TryGetValue(tool, out var alias) ? alias.Tool : null;

    /// <summary>
    /// The AwsMcp tool and arguments for <paramref name="tool"/> when it is an enabled alias; false otherwise. Arguments
    /// that are not an object are left for the tool's binder to refuse.
    /// </summary>
    public bool TryMap(string tool, ReadOnlySpan<byte> arguments, out string target, out byte[] mapped)
    {
        if (!options.CurrentValue.PrototypeAliases || !Known.TryGetValue(tool, out var alias))
        {
            (target, mapped) = (tool, []);
            return false;
        }

        JsonNode? parsed;
        try
        {
            parsed = arguments.IsEmpty ? new JsonObject() : JsonNode.Parse(arguments);
        }
        catch (JsonException)
        {
            parsed = null;
        }

        target = alias.Tool;
        mapped = parsed is JsonObject values ? JsonSerializer.SerializeToUtf8Bytes(alias.Arguments(values)) : arguments.ToArray();
        return true;
    }

    private static JsonObject Rename(JsonObject arguments, string from, string to, Func<JsonNode?, JsonNode> convert)
    {
        if (arguments.Remove(from, out var value) && !arguments.ContainsKey(to))
        {
            arguments[to] = convert(value);
        }

        return arguments;
    }
}

using System.Text.Json;
using System.Text.Json.Nodes;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Protocols.AwsJson;

/// <summary>
/// Typed access to a JSON request body, failing with the service's own validation error code
/// (<c>InvalidParameterException</c> for Logs and Budgets, <c>ValidationException</c> for Cost Explorer).
/// </summary>
public sealed class JsonInput(JsonObject body, string validationErrorCode)
{
    public JsonObject Body => body;

    public string RequiredString(string name) =>
        OptionalString(name) ?? throw Invalid($"1 validation error detected: Value null at '{name}' failed to satisfy constraint: Member must not be null");

    public string? OptionalString(string name) =>
        body[name] switch
        {
            null => null,
            JsonValue value when value.GetValueKind() == JsonValueKind.String => value.GetValue<string>(),
            _ => throw Invalid($"Value at '{name}' must be a string"),
        };

    public long? OptionalLong(string name, long min, long max)
    {
        if (body[name] is null)
        {
            return null;
        }

        if (body[name] is not JsonValue value || !value.TryGetValue<long>(out var number) && !TryWholeDouble(value, out number))
        {
            throw Invalid($"Value at '{name}' must be a number");
        }

        if (number < min || number > max)
        {
            throw Invalid($"1 validation error detected: Value '{number}' at '{name}' failed to satisfy constraint: Member must have value between {min} and {max}");
        }

        return number;
    }

    public int? OptionalInt(string name, int min, int max) => (int?)OptionalLong(name, min, max);

    public bool? OptionalBool(string name) =>
        body[name] switch
        {
            null => null,
            JsonValue value when value.GetValueKind() is JsonValueKind.True or JsonValueKind.False => value.GetValue<bool>(),
            _ => throw Invalid($"Value at '{name}' must be a boolean"),
        };

    public IReadOnlyList<string> StringList(string name) =>
        body[name] switch
        {
            null => [],
            JsonArray array => array.Select(item => item is JsonValue value && value.GetValueKind() == JsonValueKind.String
                ? value.GetValue<string>()
                : throw Invalid($"Every item of '{name}' must be a string")).ToList(),
            _ => throw Invalid($"Value at '{name}' must be a list"),
        };

    public SandboxServiceException Invalid(string message) => new(400, validationErrorCode, message);

    private static bool TryWholeDouble(JsonValue value, out long number)
    {
        number = 0;
        if (!value.TryGetValue<double>(out var real) || real != Math.Floor(real) || Math.Abs(real) > long.MaxValue)
        {
            return false;
        }

        number = (long)real;
        return true;
    }
}

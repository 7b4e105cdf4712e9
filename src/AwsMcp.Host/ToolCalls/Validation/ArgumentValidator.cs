using System.Text.Json;
using AwsMcp.Abstractions;
using Newtonsoft.Json;
using NJsonSchema.Validation;

namespace AwsMcp.Host.ToolCalls.Validation;

/// <summary>
/// Checks the arguments against the tool's input schema (compiled once, when the plugin was loaded) before the
/// tool runs, and answers with an error that names every offending field, e.g. <c>instance_ids[1]</c>.
/// </summary>
public sealed class ArgumentValidator : IToolCallStep
{
    public ValueTask<ToolResult> InvokeAsync(ToolCall call, ToolCallHandler next)
    {
        var problems = Validate(call);
        if (problems.Count == 0)
        {
            return next(call);
        }

        call.Outcome = ToolCallOutcome.InvalidArguments;
        return ValueTask.FromResult(ToolResult.Error($"Invalid arguments for '{call.Tool.Name}': {string.Join("; ", problems)}."));
    }

    private static List<string> Validate(ToolCall call)
    {
        if (call.Arguments.ValueKind != JsonValueKind.Object)
        {
            return ["arguments must be a JSON object"];
        }

        ICollection<ValidationError> errors;
        try
        {
            errors = call.Tool.ArgumentSchema.Validate(call.Arguments.GetRawText());
        }
        catch (JsonReaderException ex)
        {
            return [$"arguments are not valid JSON ({ex.Message})"];
        }

        return [.. Flatten(errors).Select(ValidationMessages.Describe).Distinct(StringComparer.Ordinal)];
    }

    // oneOf/anyOf and array items report their real causes as children; the parent alone would say "item not valid".
    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors) =>
        errors.SelectMany(error => error is ChildSchemaValidationError child && child.Errors.Count > 0
            ? Flatten(child.Errors.Values.SelectMany(e => e))
            : [error]);
}

using System.Globalization;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Protocols.AwsQuery;

/// <summary>
/// Typed access to the form fields of an awsQuery request (IAM, STS), failing with the errors those services send:
/// <c>MissingParameter</c> for an absent required field, <c>ValidationError</c> for a value out of range.
/// </summary>
public sealed class QueryParameters(IReadOnlyDictionary<string, string> form)
{
    public string Required(string name) =>
        Optional(name) ?? throw new SandboxServiceException(400, "MissingParameter", $"The request must contain the parameter {name}.");

    public string? Optional(string name) =>
        form.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public int? Int(string name, int min, int max)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            throw Invalid(name, text, $"Member must have value between {min} and {max}");
        }

        return value;
    }

    public bool? Bool(string name) =>
        Optional(name) switch
        {
            null => null,
            var text when bool.TryParse(text, out var value) => value,
            var text => throw Invalid(name, text, "Member must be true or false"),
        };

    /// <summary>A list parameter: <c>Name.member.1</c>, <c>Name.member.2</c>, … up to the first gap.</summary>
    public IReadOnlyList<string> Members(string name)
    {
        var values = new List<string>();
        while (form.TryGetValue($"{name}.member.{values.Count + 1}", out var value))
        {
            values.Add(value);
        }

        return values;
    }

    public static SandboxServiceException Invalid(string name, string value, string constraint) =>
        new(400, "ValidationError", $"1 validation error detected: Value '{value}' at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: {constraint}");
}

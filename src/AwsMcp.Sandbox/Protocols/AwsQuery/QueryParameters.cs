using System.Globalization;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Protocols.AwsQuery;

/// <summary>
/// Typed access to the form fields of an awsQuery request (IAM, STS, CloudWatch), failing with the errors those
/// services send: <c>MissingParameter</c> for an absent required field, <c>ValidationError</c> for a value out of range.
/// </summary>
/// <param name="form">The fields.</param>
/// <param name="path">Where these fields sit in the request (<c>Queries.member.2.</c> for one structure of a list), for error messages.</param>
public sealed class QueryParameters(IReadOnlyDictionary<string, string> form, string path = "")
{
    /// <summary>Where these fields sit in the request, e.g. <c>Queries.member.2.</c>; empty at the top.</summary>
    public string Path { get; } = path;

    public string Required(string name) =>
        Optional(name) ?? throw new SandboxServiceException(400, "MissingParameter", $"The request must contain the parameter {Path}{name}.");

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
            throw Invalid(Path + name, text, $"Member must have value between {min} and {max}");
        }

        return value;
    }

    public bool? Bool(string name) =>
        Optional(name) switch
        {
            null => null,
            var text when bool.TryParse(text, out var value) => value,
            var text => throw Invalid(Path + name, text, "Member must be true or false"),
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

    /// <summary>
    /// A timestamp parameter (ISO 8601, as the SDKs serialise awsQuery timestamps, e.g. <c>2026-08-08T12:00:00.000Z</c>);
    /// a time without an offset is UTC.
    /// </summary>
    public DateTimeOffset? Time(string name)
    {
        var text = Optional(name);
        if (text is null)
        {
            return null;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value)
            ? value
            : throw Invalid(Path + name, text, "Member must be an ISO 8601 timestamp");
    }

    /// <summary>A list of structures: <c>Name.member.1.Field</c>, <c>Name.member.2.Field</c>, … up to the first gap.</summary>
    public IReadOnlyList<QueryParameters> Structures(string name)
    {
        var structures = new List<QueryParameters>();
        while ($"{name}.member.{structures.Count + 1}." is var prefix && Under(prefix) is { Count: > 0 } fields)
        {
            structures.Add(new QueryParameters(fields, Path + prefix));
        }

        return structures;
    }

    public static SandboxServiceException Invalid(string name, string value, string constraint) =>
        new(400, "ValidationError", $"1 validation error detected: Value '{value}' at '{char.ToLowerInvariant(name[0])}{name[1..]}' failed to satisfy constraint: {constraint}");

    private Dictionary<string, string> Under(string prefix) =>
        form.Where(field => field.Key.StartsWith(prefix, StringComparison.Ordinal))
            .ToDictionary(field => field.Key[prefix.Length..], field => field.Value, StringComparer.Ordinal);
}

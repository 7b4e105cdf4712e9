using System.Globalization;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>
/// Reads EC2 query parameters: flattened lists (<c>InstanceId.1</c>, <c>InstanceId.2</c>), structures in lists
/// (<c>Filter.1.Name</c>, <c>Filter.1.Value.1</c>), numbers and booleans, with EC2's errors for bad values.
/// </summary>
internal static class Ec2QueryParameters
{
    /// <summary>The members of the list <paramref name="prefix"/> in index order, each as its fields keyed by the rest of the name ("" for a scalar member).</summary>
    public static IReadOnlyList<IReadOnlyDictionary<string, string>> Members(IReadOnlyDictionary<string, string> form, string prefix)
    {
        var members = new SortedDictionary<int, Dictionary<string, string>>();
        foreach (var (key, value) in form)
        {
            if (!key.StartsWith(prefix + ".", StringComparison.Ordinal))
            {
                continue;
            }

            var rest = key[(prefix.Length + 1)..];
            var dot = rest.IndexOf('.', StringComparison.Ordinal);
            if (!int.TryParse(dot < 0 ? rest : rest[..dot], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                continue;
            }

            if (!members.TryGetValue(index, out var fields))
            {
                members[index] = fields = new Dictionary<string, string>(StringComparer.Ordinal);
            }

            fields[dot < 0 ? "" : rest[(dot + 1)..]] = value;
        }

        return [.. members.Values];
    }

    /// <summary>A flattened list of strings, e.g. <c>InstanceId.N</c>.</summary>
    public static IReadOnlyList<string> Strings(IReadOnlyDictionary<string, string> form, string prefix) =>
        [.. Members(form, prefix).Select(m => m.GetValueOrDefault("")).OfType<string>()];

    public static IReadOnlyList<Ec2Filter> Filters(IReadOnlyDictionary<string, string> form) =>
        [.. Members(form, "Filter").Select(f => new Ec2Filter(f.GetValueOrDefault("Name") ?? "", Strings(f, "Value")))];

    /// <summary>Tags for <paramref name="resourceType"/> from <c>TagSpecification.N.ResourceType</c> and <c>TagSpecification.N.Tag.M.Key/Value</c>.</summary>
    public static IReadOnlyList<Ec2Tag> Tags(IReadOnlyDictionary<string, string> form, string resourceType) =>
        [.. Members(form, "TagSpecification")
            .Where(spec => spec.GetValueOrDefault("ResourceType") == resourceType)
            .SelectMany(spec => Members(spec, "Tag"))
            .Select(tag => new Ec2Tag(tag.GetValueOrDefault("Key") ?? "", tag.GetValueOrDefault("Value") ?? ""))];

    public static int? Int(IReadOnlyDictionary<string, string> form, string name)
    {
        if (!form.TryGetValue(name, out var text))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw InvalidValue(name, text);
    }

    public static bool Bool(IReadOnlyDictionary<string, string> form, string name) =>
        form.TryGetValue(name, out var text) && (bool.TryParse(text, out var value) ? value : throw InvalidValue(name, text));

    public static string Required(IReadOnlyDictionary<string, string> form, string name) =>
        form.TryGetValue(name, out var value) && value.Length > 0
            ? value
            : throw new SandboxServiceException(400, "MissingParameter", $"The request must contain the parameter {name}");

    public static SandboxServiceException InvalidValue(string name, string value) =>
        new(400, "InvalidParameterValue", $"Invalid value '{value}' for {name}.");
}

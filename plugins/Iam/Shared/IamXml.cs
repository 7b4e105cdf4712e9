using System.Globalization;
using System.Xml.Linq;

namespace AwsMcp.Iam.Shared;

/// <summary>Reads IAM's awsQuery XML by local name (the elements carry IAM's namespace).</summary>
public static class IamXml
{
    public static XElement? Child(XElement? parent, string name) =>
        parent?.Elements().FirstOrDefault(element => element.Name.LocalName == name);

    public static string? Text(XElement? parent, string name) => Child(parent, name)?.Value;

    public static DateTimeOffset? Date(XElement? parent, string name) =>
        Text(parent, name) is { Length: > 0 } text
            ? DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal)
            : null;

    public static int? Int(XElement? parent, string name) =>
        int.TryParse(Text(parent, name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The <c>member</c> elements of the list <paramref name="listName"/>.</summary>
    public static IEnumerable<XElement> Members(XElement? parent, string listName) =>
        Child(parent, listName)?.Elements().Where(element => element.Name.LocalName == "member") ?? [];
}

using System.Globalization;
using System.Xml.Linq;

namespace AwsMcp.Aws.Protocol;

/// <summary>Reads awsQuery results (IAM, CloudWatch) by local name: the elements carry the service's XML namespace.</summary>
public static class AwsQueryXml
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

    public static double? Double(XElement? parent, string name) =>
        double.TryParse(Text(parent, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The <c>member</c> elements of the list <paramref name="listName"/>.</summary>
    public static IEnumerable<XElement> Members(XElement? parent, string listName) =>
        Child(parent, listName)?.Elements().Where(element => element.Name.LocalName == "member") ?? [];
}

using System.Globalization;
using System.Xml.Linq;

namespace AwsMcp.Sandbox.Protocols.AwsQuery;

/// <summary>Small builders for awsQuery XML results: lists are <c>&lt;Name&gt;&lt;member&gt;…</c>, timestamps ISO 8601, booleans lower case.</summary>
public static class QueryXml
{
    public static XElement Members(string name, IEnumerable<object> members) =>
        new(name, members.Select(content => new XElement("member", content)));

    /// <summary>An element, or nothing when <paramref name="value"/> is null (optional members are simply absent).</summary>
    public static XElement? Optional(string name, object? value) => value is null ? null : Element(name, value);

    public static XElement Element(string name, object value) =>
        new(name, value switch
        {
            DateTimeOffset time => XmlBody.Timestamp(time),
            bool flag => XmlBody.Boolean(flag),
            IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
            _ => value,
        });

    /// <summary>The paging members every IAM list result ends with.</summary>
    public static IEnumerable<XElement> Paging(string? nextMarker)
    {
        yield return Element("IsTruncated", nextMarker is not null);
        if (nextMarker is not null)
        {
            yield return new XElement("Marker", nextMarker);
        }
    }
}

using System.Xml.Linq;

using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Protocols.AwsQuery;

/// <summary>
/// The EC2 query protocol's responses: <c>&lt;{Action}Response xmlns="http://ec2.amazonaws.com/doc/2016-11-15/"&gt;</c>
/// with a <c>requestId</c> and lists as <c>&lt;fooSet&gt;&lt;item/&gt;&lt;/fooSet&gt;</c>; errors as
/// <c>&lt;Response&gt;&lt;Errors&gt;&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;/Errors&gt;&lt;RequestID/&gt;&lt;/Response&gt;</c>.
/// </summary>
internal static class Ec2QueryProtocol
{
    public const string Version = "2016-11-15";

    private const string XmlContentType = "text/xml;charset=UTF-8";

    private static readonly XNamespace Namespace = $"http://ec2.amazonaws.com/doc/{Version}/";

    public static SandboxResponse Response(string action, string requestId, params object?[] content) =>
        new(200, XmlContentType, XmlBody.Serialize(new XElement(action + "Response", new XElement("requestId", requestId), content), Namespace));

    public static SandboxResponse Error(string requestId, SandboxServiceException error) =>
        new(
            error.StatusCode,
            XmlContentType,
            XmlBody.Serialize(new XElement(
                "Response",
                new XElement("Errors", new XElement("Error", new XElement("Code", error.Code), new XElement("Message", error.Message))),
                new XElement("RequestID", requestId))));

    /// <summary>A list element: <c>&lt;name&gt;&lt;item&gt;…&lt;/item&gt;…&lt;/name&gt;</c>.</summary>
    public static XElement Set(string name, IEnumerable<XElement> items) => new(name, items);

    /// <summary>One list item with its child elements.</summary>
    public static XElement Item(params object?[] content) => new("item", content);
}

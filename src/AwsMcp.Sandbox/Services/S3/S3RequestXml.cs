using System.Xml;
using System.Xml.Linq;

namespace AwsMcp.Sandbox.Services.S3;

/// <summary>Reads S3 request documents (CreateBucketConfiguration, Tagging…) by local element names, with or without the S3 namespace.</summary>
internal static class S3RequestXml
{
    /// <summary>The document's root, or null for an empty body.</summary>
    /// <exception cref="AwsMcp.Sandbox.Core.SandboxServiceException"><c>MalformedXML</c>.</exception>
    public static XElement? Parse(byte[] body)
    {
        if (body.Length == 0)
        {
            return null;
        }

        try
        {
            return XDocument.Parse(System.Text.Encoding.UTF8.GetString(body)).Root;
        }
        catch (XmlException)
        {
            throw S3Errors.MalformedXml();
        }
    }

    public static XElement Required(byte[] body, string rootName)
    {
        var root = Parse(body);
        return root is not null && root.Name.LocalName == rootName ? root : throw S3Errors.MalformedXml();
    }

    public static IEnumerable<XElement> Children(XElement parent, string name) => parent.Elements().Where(e => e.Name.LocalName == name);

    public static string? Value(XElement parent, string name) => Children(parent, name).FirstOrDefault()?.Value;

    public static bool Flag(XElement parent, string name) =>
        Value(parent, name) is { } text && (bool.TryParse(text, out var value) ? value : throw S3Errors.MalformedXml());
}

using System.Xml;
using System.Xml.Linq;

namespace AwsMcp.Aws.Protocol;

/// <summary>Parses awsQuery answers with DTDs refused and no external resolution (endpoints may be overridden).</summary>
internal static class AwsXml
{
    private static readonly XmlReaderSettings Settings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    public static XElement? Root(byte[] body)
    {
        using var stream = new MemoryStream(body);
        using var reader = XmlReader.Create(stream, Settings);
        return XDocument.Load(reader).Root;
    }
}

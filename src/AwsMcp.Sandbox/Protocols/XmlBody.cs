using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace AwsMcp.Sandbox.Protocols;

/// <summary>Serialises response documents: UTF-8 without a byte-order mark, with an XML declaration, as AWS sends them.</summary>
internal static class XmlBody
{
    private static readonly XmlWriterSettings Settings = new() { Encoding = new UTF8Encoding(false), Indent = false };

    /// <summary>Serialises <paramref name="root"/>, first putting it and every descendant in <paramref name="ns"/> when given.</summary>
    public static byte[] Serialize(XElement root, XNamespace? ns = null)
    {
        if (ns is not null)
        {
            foreach (var element in root.DescendantsAndSelf())
            {
                element.Name = ns + element.Name.LocalName;
            }
        }

        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, Settings))
        {
            new XDocument(root).Save(writer);
        }

        return stream.ToArray();
    }

    /// <summary>The ISO 8601 form AWS XML uses for timestamps, e.g. <c>2026-11-25T08:00:00.000Z</c>.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>XML boolean text: <c>true</c>/<c>false</c>.</summary>
    public static string Boolean(bool value) => value ? "true" : "false";
}

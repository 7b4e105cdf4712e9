using System.Xml.Linq;
using AwsMcp.Sandbox.Core;
using Microsoft.AspNetCore.Http;

namespace AwsMcp.Sandbox.Protocols.RestXml;

/// <summary>
/// S3's REST-XML responses (documents in the <c>http://s3.amazonaws.com/doc/2006-03-01/</c> namespace) and errors
/// (<c>&lt;Error&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;RequestId/&gt;&lt;HostId/&gt;&lt;/Error&gt;</c>, no body for HEAD).
/// </summary>
internal static class S3RestXmlProtocol
{
    private const string XmlContentType = "application/xml";

    private static readonly XNamespace Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";

    public static SandboxResponse Xml(XElement document, int statusCode = 200) =>
        new(statusCode, XmlContentType, XmlBody.Serialize(document, Namespace));

    /// <summary>A response with no body (204 for deletes, 200 for puts and HEAD).</summary>
    public static SandboxResponse Empty(int statusCode = 200) => new(statusCode, null, []);

    public static SandboxResponse Error(SandboxRequest request, SandboxServiceException error, string? resource = null)
    {
        if (HttpMethods.IsHead(request.Http.Method))
        {
            return Empty(error.StatusCode);
        }

        var document = new XElement(
            "Error",
            new XElement("Code", error.Code),
            new XElement("Message", error.Message),
            resource is null ? null : new XElement("Resource", resource),
            new XElement("RequestId", request.RequestId),
            new XElement("HostId", HostId(request.RequestId)));
        return new SandboxResponse(error.StatusCode, XmlContentType, XmlBody.Serialize(document));
    }

    /// <summary>The <c>x-amz-id-2</c> value S3 pairs with each request id.</summary>
    public static string HostId(string requestId) =>
        Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("sandbox/" + requestId));
}

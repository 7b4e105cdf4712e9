using System.Xml.Linq;

using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Protocols.AwsQuery;

/// <summary>
/// The generic AWS gateway error document, for requests the sandbox cannot route to a service (no or unknown
/// credential scope): <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;&lt;/Error&gt;&lt;RequestId/&gt;&lt;/ErrorResponse&gt;</c>.
/// </summary>
internal static class QueryErrorResponse
{
    public static SandboxResponse Render(string requestId, SandboxServiceException error) =>
        new(
            error.StatusCode,
            "text/xml",
            XmlBody.Serialize(new XElement(
                "ErrorResponse",
                new XElement(
                    "Error",
                    new XElement("Type", error.SenderFault ? "Sender" : "Receiver"),
                    new XElement("Code", error.Code),
                    new XElement("Message", error.Message)),
                new XElement("RequestId", requestId))));
}

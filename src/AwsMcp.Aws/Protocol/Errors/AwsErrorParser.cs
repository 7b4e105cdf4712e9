using System.Net;
using System.Text.Json;
using System.Xml.Linq;
using Amazon.Runtime;

namespace AwsMcp.Aws.Protocol.Errors;

/// <summary>Reads each protocol's error shape into an <see cref="AwsServiceException"/>.</summary>
internal static class AwsErrorParser
{
    private const string ErrorTypeHeader = "x-amzn-ErrorType";

    public static AwsServiceException Parse(
        AwsServiceModel service, string operation, HttpStatusCode status, IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        var (code, message, type, bodyRequestId) = service.Protocol == AwsProtocol.Query
            ? ParseQuery(body)
            : ParseJson(headers, body);

        code = string.IsNullOrEmpty(code) ? status.ToString() : code;
        var errorType = type ?? ((int)status >= 500 ? ErrorType.Receiver : ErrorType.Sender);
        var requestId = RequestId(headers) ?? bodyRequestId;
        var text = string.IsNullOrEmpty(message) ? $"{service.ServiceId} {operation} failed with HTTP {(int)status}." : message;
        return new AwsServiceException(service.ServiceId, operation, text, errorType, code, requestId, status);
    }

    /// <summary>The request id AWS returns in a header (name varies by service).</summary>
    public static string? RequestId(IReadOnlyDictionary<string, string> headers) =>
        headers.TryGetValue("x-amzn-RequestId", out var id) || headers.TryGetValue("x-amz-request-id", out id) ? id : null;

    /// <summary>
    /// Smithy's sanitising of error codes: <c>aws.protocoltests#FooError:http://internal/</c> becomes <c>FooError</c>.
    /// </summary>
    public static string SanitizeCode(string raw)
    {
        var code = raw;
        var colon = code.IndexOf(':', StringComparison.Ordinal);
        if (colon >= 0)
        {
            code = code[..colon];
        }

        var hash = code.LastIndexOf('#');
        return (hash >= 0 ? code[(hash + 1)..] : code).Trim();
    }

    // awsJson1_1 puts the code in "__type" (the header is optional); restJson1 in the X-Amzn-ErrorType header, with
    // "code" or "__type" in the body as fallbacks. Both use "message", some services "Message".
    private static (string? Code, string? Message, ErrorType? Type, string? RequestId) ParseJson(
        IReadOnlyDictionary<string, string> headers, byte[] body)
    {
        string? code = headers.TryGetValue(ErrorTypeHeader, out var header) ? header : null;
        string? message = null;
        if (body.Length > 0)
        {
            try
            {
                using var document = JsonDocument.Parse(body);
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    code ??= StringProperty(document.RootElement, "__type") ?? StringProperty(document.RootElement, "code");
                    message = StringProperty(document.RootElement, "message") ?? StringProperty(document.RootElement, "Message");
                }
            }
            catch (JsonException)
            {
                // Not JSON (a proxy's HTML page, a truncated body): fall back to the status code.
            }
        }

        return (code is null ? null : SanitizeCode(code), message, null, null);
    }

    // awsQuery: <ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>; EC2-style
    // <Response><Errors><Error>…</Error></Errors><RequestID/></Response> is accepted too.
    private static (string? Code, string? Message, ErrorType? Type, string? RequestId) ParseQuery(byte[] body)
    {
        if (body.Length == 0)
        {
            return (null, null, null, null);
        }

        try
        {
            var root = AwsXml.Root(body);
            var error = root?.Descendants().FirstOrDefault(element => element.Name.LocalName == "Error");
            string? Child(XElement? parent, string name) =>
                parent?.Elements().FirstOrDefault(element => element.Name.LocalName == name)?.Value;
            var type = Child(error, "Type") switch
            {
                "Sender" => ErrorType.Sender,
                "Receiver" => ErrorType.Receiver,
                _ => (ErrorType?)null,
            };
            var requestId = Child(root, "RequestId") ?? Child(root, "RequestID");
            var code = Child(error, "Code");
            return (code is null ? null : SanitizeCode(code), Child(error, "Message"), type, requestId);
        }
        catch (System.Xml.XmlException)
        {
            return (null, null, null, null);
        }
    }

    private static string? StringProperty(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

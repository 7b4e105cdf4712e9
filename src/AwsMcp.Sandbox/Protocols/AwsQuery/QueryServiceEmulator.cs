using System.Xml.Linq;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Protocols.AwsQuery;

/// <summary>
/// The awsQuery protocol (IAM, STS): form fields <c>Action</c> and <c>Version</c> select the operation, results are
/// <c>&lt;ActionResponse&gt;&lt;ActionResult&gt;…&lt;/ActionResult&gt;&lt;ResponseMetadata/&gt;</c> in the service's XML
/// namespace, errors are <c>&lt;ErrorResponse&gt;&lt;Error&gt;&lt;Type/&gt;&lt;Code/&gt;&lt;Message/&gt;</c>.
/// Subclasses only register their operations.
/// </summary>
public abstract class QueryServiceEmulator : IServiceEmulator
{
    /// <summary>Builds the content of the <c>&lt;ActionResult&gt;</c> element.</summary>
    protected delegate IEnumerable<XElement?> QueryOperation(SandboxRequest request, QueryParameters parameters);

    private readonly Dictionary<string, QueryOperation> _operations = new(StringComparer.Ordinal);
    private readonly XNamespace _namespace;
    private readonly string _apiVersion;

    protected QueryServiceEmulator(string signingName, string apiVersion, string xmlNamespace)
    {
        SigningName = signingName;
        _apiVersion = apiVersion;
        _namespace = xmlNamespace;
    }

    public string SigningName { get; }

    protected void Register(string action, QueryOperation operation) => _operations.Add(action, operation);

    public string? ResolveOperation(SandboxRequest request) =>
        request.Form.TryGetValue("Action", out var action) && _operations.ContainsKey(action) ? action : null;

    public ValueTask<SandboxResponse> HandleAsync(SandboxRequest request, string operation, CancellationToken cancellationToken)
    {
        var parameters = new QueryParameters(request.Form);
        var version = parameters.Optional("Version");
        if (version != _apiVersion || !_operations.TryGetValue(operation, out var handler))
        {
            throw new SandboxServiceException(400, "InvalidAction", $"Could not find operation {operation} for version {version ?? "NO_VERSION_SPECIFIED"}");
        }

        var result = new XElement(operation + "Result", handler(request, parameters));
        var document = new XElement(
            operation + "Response",
            result,
            new XElement("ResponseMetadata", new XElement("RequestId", request.RequestId)));
        return ValueTask.FromResult(Xml(200, request, document));
    }

    public SandboxResponse RenderError(SandboxRequest request, SandboxServiceException error) =>
        QueryErrorResponse.Render(request.RequestId, error);

    private SandboxResponse Xml(int status, SandboxRequest request, XElement document) =>
        new(status, "text/xml", XmlBody.Serialize(document, _namespace))
        {
            Headers = new Dictionary<string, string> { ["x-amzn-RequestId"] = request.RequestId },
        };
}

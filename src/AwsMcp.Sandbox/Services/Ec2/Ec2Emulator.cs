using System.Text.Json.Nodes;
using System.Xml.Linq;
using AwsMcp.Sandbox.Core;
using AwsMcp.Sandbox.Core.ManagementEvents;
using AwsMcp.Sandbox.Protocols.AwsQuery;

namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>
/// EC2 over the query protocol (form <c>Action=…&amp;Version=2016-11-15</c>, XML answers). State is per account and
/// region. <c>DryRun=true</c> answers 412 <c>DryRunOperation</c> when the caller may act and <c>UnauthorizedOperation</c>
/// otherwise; read-only role sessions may not change anything.
/// </summary>
internal sealed class Ec2Emulator : IServiceEmulator, IManagementWrites
{
    private readonly SandboxContext _context;
    private readonly Ec2Estate _estate;
    private readonly Dictionary<string, Ec2Operation> _operations;

    public Ec2Emulator(SandboxContext context)
    {
        _context = context;
        _estate = Ec2Estate.For(context);
        var instances = new Ec2InstanceOperations(_estate);
        var catalog = new Ec2CatalogOperations(_estate);
        _operations = new Dictionary<string, Ec2Operation>(StringComparer.Ordinal)
        {
            ["DescribeInstances"] = new(instances.DescribeInstances, Mutates: false),
            ["DescribeInstanceAttribute"] = new(instances.DescribeInstanceAttribute, Mutates: false),
            ["RunInstances"] = new(instances.RunInstances, Mutates: true),
            ["StartInstances"] = new(instances.StartInstances, Mutates: true),
            ["StopInstances"] = new(instances.StopInstances, Mutates: true),
            ["RebootInstances"] = new(instances.RebootInstances, Mutates: true),
            ["TerminateInstances"] = new(instances.TerminateInstances, Mutates: true),
            ["DescribeImages"] = new(catalog.DescribeImages, Mutates: false),
            ["DescribeRegions"] = new(catalog.DescribeRegions, Mutates: false),
            ["DescribeAvailabilityZones"] = new(catalog.DescribeAvailabilityZones, Mutates: false),
        };
    }

    public string SigningName => "ec2";

    public string? ResolveOperation(SandboxRequest request) =>
        request.Form.TryGetValue("Action", out var action) && _operations.ContainsKey(action) ? action : null;

    public ValueTask<SandboxResponse> HandleAsync(SandboxRequest request, string operation, CancellationToken cancellationToken)
    {
        var handler = _operations[operation];
        var allowed = !(handler.Mutates && request.Principal.IsReadOnly);
        if (Ec2QueryParameters.Bool(request.Form, "DryRun"))
        {
            throw allowed
                ? new SandboxServiceException(412, "DryRunOperation", "Request would have succeeded, but DryRun flag is set.")
                : Unauthorized(request, operation);
        }

        if (!allowed)
        {
            throw Unauthorized(request, operation);
        }

        var state = _estate.Region(request.Principal.Account, request.Region);
        return ValueTask.FromResult(handler.Handle(request, state, _context.Time.GetUtcNow()));
    }

    public SandboxResponse RenderError(SandboxRequest request, SandboxServiceException error) => Ec2QueryProtocol.Error(request.RequestId, error);

    /// <summary>The operations declared <c>Mutates</c>; their resources are the instances named (for RunInstances, launched), their parameters the form's.</summary>
    public ManagementWrite? DescribeWrite(SandboxRequest request, string operation, SandboxResponse? answer)
    {
        if (!_operations[operation].Mutates)
        {
            return null;
        }

        var named = request.Form.Where(field => field.Key.StartsWith("InstanceId.", StringComparison.Ordinal)).Select(field => field.Value);
        var launched = operation == "RunInstances" && answer is not null
            ? XDocument.Parse(System.Text.Encoding.UTF8.GetString(answer.Body)).Descendants().Where(e => e.Name.LocalName == "instanceId").Select(e => e.Value)
            : [];
        var parameters = new JsonObject();
        foreach (var (name, value) in request.Form.Where(field => field.Key is not ("Action" or "Version")).OrderBy(field => field.Key, StringComparer.Ordinal))
        {
            // As CloudTrail does: user data may hold secrets.
            parameters[char.ToLowerInvariant(name[0]) + name[1..]] = name == "UserData" ? "<sensitiveDataRemoved>" : value;
        }

        return new ManagementWrite([.. named.Concat(launched).Distinct().Select(id => new TrailResource("AWS::EC2::Instance", id))], parameters);
    }

    private static SandboxServiceException Unauthorized(SandboxRequest request, string operation) =>
        new(403, "UnauthorizedOperation", $"You are not authorized to perform this operation. User: {request.Principal.Arn} is not authorized to perform: ec2:{operation}");

    private sealed record Ec2Operation(Func<SandboxRequest, Ec2RegionState, DateTimeOffset, SandboxResponse> Handle, bool Mutates);
}

using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests.Deployment;

/// <summary>
/// The environment the server process of a rendered pod gets, built as Kubernetes builds it: the container's
/// <c>env</c> in order (values as written, <c>secretKeyRef</c> from the Secret, <c>$(NAME)</c> expanded from earlier
/// entries), then what an EKS webhook injects for the pod's credentials (<see cref="EksWebhook"/>). The mounted
/// appsettings.Kubernetes.json joins as <c>AWSMCP__</c> variables of the same keys, since the test host reads its
/// appsettings from its own build folder. Pod paths and addresses are then replaced by local stand-ins: every absolute path the pod
/// names (and its listen URL) must be in <c>localStandIns</c>, so a folder the chart adds cannot go untested.
/// </summary>
internal static partial class ChartPod
{
    public static Dictionary<string, string?> Environment(
        RenderedManifests chart,
        IReadOnlyDictionary<string, string> secret,
        EksWebhook webhook,
        IReadOnlyDictionary<string, string> localStandIns)
    {
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var entry in chart.Env)
        {
            var name = (string)entry["name"]!;
            environment[name] = entry["valueFrom"] is { } from
                ? secret[(string)from["secretKeyRef"]!["key"]!]
                : Reference().Replace((string?)entry["value"] ?? "", match => environment.GetValueOrDefault(match.Groups[1].Value) ?? match.Value);
        }

        foreach (var (name, value) in Flatten(chart.AppSettings["AwsMcp"], ConfigurationKeys.VariablePrefix[..^2]))
        {
            environment.TryAdd(name, value);
        }

        webhook.Inject(environment, chart);

        foreach (var (name, value) in environment.ToList())
        {
            if (value is not null && localStandIns.TryGetValue(value, out var local))
            {
                environment[name] = local;
            }
            else
            {
                Assert.False(value?.StartsWith('/') == true || value?.Contains("://169.254.", StringComparison.Ordinal) == true, $"{name}={value}: a pod path or address the test has no local stand-in for");
            }
        }

        return environment;
    }

    /// <summary>JSON leaves as configuration variables: <c>{"Http":{"AllowedHosts":["a"]}}</c> under <c>AWSMCP</c> → <c>AWSMCP__Http__AllowedHosts__0=a</c>.</summary>
    public static IEnumerable<(string Name, string Value)> Flatten(JsonNode? node, string prefix) => node switch
    {
        JsonObject map => map.SelectMany(member => Flatten(member.Value, $"{prefix}__{member.Key}")),
        JsonArray list => list.SelectMany((item, index) => Flatten(item, $"{prefix}__{index}")),
        null => [],
        _ => [(prefix, node.ToString())],
    };

    [GeneratedRegex(@"\$\(([A-Za-z_][A-Za-z0-9_]*)\)")]
    private static partial Regex Reference();
}

/// <summary>
/// What EKS's admission webhooks add to a pod for its AWS identity, by the documented names and paths: IRSA
/// (amazon-eks-pod-identity-webhook, for a ServiceAccount annotated <c>eks.amazonaws.com/role-arn</c>) and EKS Pod
/// Identity (for a pod whose ServiceAccount has an association).
/// </summary>
internal abstract class EksWebhook
{
    public const string IrsaTokenPath = "/var/run/secrets/eks.amazonaws.com/serviceaccount/token";
    public const string PodIdentityTokenPath = "/var/run/secrets/pods.eks.amazonaws.com/serviceaccount/eks-pod-identity-token";
    public const string PodIdentityAgent = "http://169.254.170.23/v1/credentials";

    public static EksWebhook Irsa(string clusterRegion) => new IrsaWebhook(clusterRegion);

    public static EksWebhook PodIdentity { get; } = new PodIdentityWebhook();

    public abstract void Inject(Dictionary<string, string?> environment, RenderedManifests chart);

    /// <summary>The rendered pod's ServiceAccount (the one the chart creates).</summary>
    protected static JsonObject ServiceAccount(RenderedManifests chart) =>
        chart.Single("ServiceAccount", (string)chart.ServerPod["serviceAccountName"]!);

    private sealed class IrsaWebhook(string clusterRegion) : EksWebhook
    {
        public override void Inject(Dictionary<string, string?> environment, RenderedManifests chart)
        {
            var roleArn = (string?)ServiceAccount(chart)["metadata"]!["annotations"]?["eks.amazonaws.com/role-arn"];
            Assert.NotNull(roleArn);
            environment["AWS_ROLE_ARN"] = roleArn;
            environment["AWS_WEB_IDENTITY_TOKEN_FILE"] = IrsaTokenPath;
            environment["AWS_STS_REGIONAL_ENDPOINTS"] = "regional";

            // The cluster's region, unless the container sets its own.
            environment.TryAdd("AWS_REGION", clusterRegion);
            environment.TryAdd("AWS_DEFAULT_REGION", clusterRegion);
        }
    }

    private sealed class PodIdentityWebhook : EksWebhook
    {
        public override void Inject(Dictionary<string, string?> environment, RenderedManifests chart)
        {
            Assert.Null(ServiceAccount(chart)["metadata"]!["annotations"]?["eks.amazonaws.com/role-arn"]);
            environment["AWS_CONTAINER_CREDENTIALS_FULL_URI"] = PodIdentityAgent;
            environment["AWS_CONTAINER_AUTHORIZATION_TOKEN_FILE"] = PodIdentityTokenPath;
        }
    }
}

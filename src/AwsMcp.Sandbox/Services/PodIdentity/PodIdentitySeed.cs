using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.PodIdentity;

/// <summary>
/// The sandbox's EKS Pod Identity associations (cluster, namespace, service account → role), as
/// <c>CreatePodIdentityAssociation</c> would have made them. The one seeded association is the Helm chart's release
/// <c>awsmcp</c> in namespace <c>awsmcp</c> (deploy/helm/awsmcp), with the role the docs' other examples use.
/// </summary>
public static class PodIdentitySeed
{
    /// <summary>The cluster the agent answers for; role sessions are named <c>eks-&lt;cluster&gt;-&lt;pod&gt;-&lt;id&gt;</c> after it.</summary>
    public const string ClusterName = "sandbox";

    /// <summary>The audience EKS gives the projected service-account token it mounts for Pod Identity.</summary>
    public const string Audience = "pods.eks.amazonaws.com";

    public static IReadOnlyList<PodIdentityAssociation> Associations { get; } =
    [
        new("awsmcp", "awsmcp", $"arn:aws:iam::{SandboxIdentities.DefaultAccount}:role/AwsMcpOperator"),
    ];
}

/// <summary>Pods running as <paramref name="ServiceAccount"/> in <paramref name="Namespace"/> get sessions of <paramref name="RoleArn"/>.</summary>
public sealed record PodIdentityAssociation(string Namespace, string ServiceAccount, string RoleArn);

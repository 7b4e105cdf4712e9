namespace AwsMcp.Aws.Tools;

/// <summary>What an AWS call was: <c>ec2:DescribeInstances</c> in a region, as the server itself or a named account.</summary>
public sealed record AwsCallTarget(string Service, string Operation, string Region, string? Account)
{
    /// <summary>IAM-style action name, e.g. <c>ec2:DescribeInstances</c>.</summary>
    public string Action => $"{Service}:{Operation}";

    public string Where => Account is null ? Region : $"{Region} (account '{Account}')";

    public string Identity => Account is null ? "the server's AWS identity" : $"the role of account '{Account}'";
}

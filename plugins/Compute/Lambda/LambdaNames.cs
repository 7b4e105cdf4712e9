namespace AwsMcp.Compute.Lambda;

/// <summary>Lambda's own rule for a function reference, checked before any request is signed.</summary>
internal static class LambdaNames
{
    /// <summary>
    /// A name (<c>orders-api</c>), a partial ARN (<c>123456789012:function:orders-api</c>) or a full ARN, optionally
    /// with <c>:version</c> or <c>:alias</c>: the pattern of the Lambda API's <c>FunctionName</c>, at most 256 characters.
    /// </summary>
    public const string FunctionPattern =
        @"(arn:aws[a-zA-Z-]*:lambda:)?([a-z]{2}(-gov)?-[a-z]+-\d{1}:)?(\d{12}:)?(function:)?[a-zA-Z0-9_-]{1,140}(:(\$LATEST|[a-zA-Z0-9_-]{1,128}))?";
}

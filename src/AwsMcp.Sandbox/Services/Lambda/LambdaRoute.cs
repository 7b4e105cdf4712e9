namespace AwsMcp.Sandbox.Services.Lambda;

/// <summary>A Lambda REST request resolved to its operation and, where the path names one, the function.</summary>
public sealed record LambdaRoute(string Operation, string? FunctionName)
{
    private const string Root = "/2015-03-31/functions";

    /// <summary>Maps method and (decoded) path to an operation: both <c>/functions</c> and <c>/functions/</c> list, as SDKs have sent both.</summary>
    public static LambdaRoute? Resolve(string method, string path)
    {
        if (!path.StartsWith(Root, StringComparison.Ordinal))
        {
            return null;
        }

        var segments = path[Root.Length..].Split('/', StringSplitOptions.RemoveEmptyEntries);
        return (method, segments) switch
        {
            ("GET", []) => new LambdaRoute("ListFunctions", null),
            ("GET", [var name]) => new LambdaRoute("GetFunction", name),
            ("GET", [var name, "configuration"]) => new LambdaRoute("GetFunctionConfiguration", name),
            ("POST", [var name, "invocations"]) => new LambdaRoute("Invoke", name),
            _ => null,
        };
    }
}

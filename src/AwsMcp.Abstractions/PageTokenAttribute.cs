namespace AwsMcp.Abstractions;

/// <summary>
/// Declares the <c>string?</c> argument that continues a listing (<c>next_token</c>); the tool's result returns the
/// next one under the same name. The host seals every token the tool returns (HMAC, bound to the tool, the caller and
/// the other arguments) and opens it again on the next call, so a tool only ever sees its own tokens: a forged one,
/// or one from another listing (another bucket, other filters), is refused as an invalid argument before the tool runs.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, Inherited = false, AllowMultiple = false)]
public sealed class PageTokenAttribute : Attribute;

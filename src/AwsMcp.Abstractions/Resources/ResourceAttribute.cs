namespace AwsMcp.Abstractions;

/// <summary>
/// Marks a method as an MCP resource with a fixed URI (<c>aws://iam/account-summary</c>): data a client can attach
/// to a conversation. It takes no arguments besides <see cref="ToolContext"/> and <see cref="CancellationToken"/>, and
/// returns a <see cref="ResourceContent"/>, a <see cref="string"/> (text of <see cref="MimeType"/>) or a
/// <see cref="byte"/> array (binary), optionally as a <c>Task</c>/<c>ValueTask</c>. The host reads it like a
/// read-only tool call: policy, audit and redaction apply.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class ResourceAttribute(string uri) : Attribute
{
    /// <summary>The resource URI; the built-in packs use the <c>aws://</c> scheme.</summary>
    public string Uri { get; } = uri;

    /// <summary>The resource name (<c>^[a-z0-9_]{1,64}$</c>); defaults to the method name in snake_case.</summary>
    public string? Name { get; set; }

    public string? Title { get; set; }

    /// <summary>The MIME type of its content; <c>text/plain</c> for a string, <c>application/octet-stream</c> for bytes unless set.</summary>
    public string? MimeType { get; set; }

    /// <summary>
    /// True when its content changes while a client looks at it: a client with a session can subscribe, and the host
    /// re-reads it periodically and sends <c>notifications/resources/updated</c> when it changed.
    /// </summary>
    public bool Subscribable { get; set; }
}

namespace AwsMcp.Abstractions;

/// <summary>
/// Marks a method as an MCP resource template (RFC 6570 level 1 and <c>{+name}</c> for values with slashes, e.g.
/// <c>aws://s3/{bucket}/{+key}</c>): every variable is a <see cref="string"/> or enum parameter of the same name in
/// snake_case; <see cref="ToolContext"/> and <see cref="CancellationToken"/> may be added. Returns like
/// <see cref="ResourceAttribute"/>. A variable named <c>region</c> is the call's region, checked by policy.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false, AllowMultiple = false)]
public sealed class ResourceTemplateAttribute(string uriTemplate) : Attribute
{
    public string UriTemplate { get; } = uriTemplate;

    /// <summary>The template name (<c>^[a-z0-9_]{1,64}$</c>); defaults to the method name in snake_case.</summary>
    public string? Name { get; set; }

    public string? Title { get; set; }

    public string? MimeType { get; set; }

    /// <inheritdoc cref="ResourceAttribute.Subscribable"/>
    public bool Subscribable { get; set; }
}

namespace AwsMcp.Generators.Model;

/// <summary>
/// DataAnnotations that become schema keywords and bind-time checks. Numbers are kept as invariant JSON text so the
/// model stays equatable and the emitter never formats numbers.
/// </summary>
internal sealed record Constraints(string? Minimum, string? Maximum, string? Pattern, int? MinLength, int? MaxLength, bool Required)
{
    public static readonly Constraints None = new(null, null, null, null, null, false);

    public bool HasLength => MinLength is not null || MaxLength is not null;

    public bool HasRange => Minimum is not null || Maximum is not null;
}

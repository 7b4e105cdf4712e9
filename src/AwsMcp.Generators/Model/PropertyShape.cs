namespace AwsMcp.Generators.Model;

/// <summary>A member of an object shape.</summary>
/// <param name="Name">The C# property name.</param>
/// <param name="JsonName">The JSON property name (snake_case).</param>
/// <param name="Type">Its shape.</param>
/// <param name="Description">From <c>[Description]</c>, the property's XML summary, or the record's <c>&lt;param&gt;</c>.</param>
/// <param name="IsRequired">Must be present in the arguments.</param>
/// <param name="Assignment">How the binder sets it.</param>
/// <param name="Default">For optional constructor arguments: the value used when absent.</param>
/// <param name="Constraints">DataAnnotations.</param>
internal sealed record PropertyShape(
    string Name,
    string JsonName,
    TypeShape Type,
    string? Description,
    bool IsRequired,
    MemberAssignment Assignment,
    DefaultValue? Default,
    Constraints Constraints);

namespace AwsMcp.Generators.Model;

/// <summary>A C# default value of a parameter or constructor argument.</summary>
/// <param name="CSharp">The expression the binder uses when the argument is absent.</param>
/// <param name="Json">The schema's <c>default</c>, or null when it has none (a null default is not written).</param>
internal sealed record DefaultValue(string CSharp, string? Json);

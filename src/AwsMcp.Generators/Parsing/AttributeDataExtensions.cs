using Microsoft.CodeAnalysis;

namespace AwsMcp.Generators.Parsing;

internal static class AttributeDataExtensions
{
    /// <summary>The value of the named argument <paramref name="name"/> (<c>[X(Name = value)]</c>), or null when it is not set.</summary>
    public static object? NamedArgument(this AttributeData attribute, string name)
    {
        foreach (KeyValuePair<string, TypedConstant> argument in attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                return argument.Value.Value;
            }
        }

        return null;
    }
}

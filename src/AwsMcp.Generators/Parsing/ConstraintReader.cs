using System.Collections.Immutable;
using System.Globalization;
using AwsMcp.Generators.Model;
using Microsoft.CodeAnalysis;

namespace AwsMcp.Generators.Parsing;

/// <summary>Reads the DataAnnotations attributes the generator understands into <see cref="Constraints"/>.</summary>
internal static class ConstraintReader
{
    public static Constraints Read(IEnumerable<AttributeData> attributes, KnownTypeSymbols known)
    {
        Constraints constraints = Constraints.None;
        foreach (AttributeData attribute in attributes)
        {
            INamedTypeSymbol? type = attribute.AttributeClass;
            ImmutableArray<TypedConstant> arguments = attribute.ConstructorArguments;
            if (KnownTypeSymbols.Is(type, known.RangeAttribute) && arguments.Length == 2)
            {
                constraints = constraints with { Minimum = FormatNumber(arguments[0].Value), Maximum = FormatNumber(arguments[1].Value) };
            }
            else if (KnownTypeSymbols.Is(type, known.RegularExpressionAttribute) && arguments.Length == 1)
            {
                constraints = constraints with { Pattern = arguments[0].Value as string };
            }
            else if (KnownTypeSymbols.Is(type, known.StringLengthAttribute) && arguments.Length == 1)
            {
                constraints = constraints with { MaxLength = arguments[0].Value as int?, MinLength = attribute.NamedArgument("MinimumLength") as int? ?? constraints.MinLength };
            }
            else if (KnownTypeSymbols.Is(type, known.MinLengthAttribute) && arguments.Length == 1)
            {
                constraints = constraints with { MinLength = arguments[0].Value as int? };
            }
            else if (KnownTypeSymbols.Is(type, known.MaxLengthAttribute) && arguments.Length == 1)
            {
                constraints = constraints with { MaxLength = arguments[0].Value as int? };
            }
            else if (KnownTypeSymbols.Is(type, known.RequiredAttribute))
            {
                constraints = constraints with { Required = true };
            }
        }

        return constraints;
    }

    /// <summary>A number as JSON text in the invariant culture, or null when the value is not a number.</summary>
    public static string? FormatNumber(object? value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        int or long or short or sbyte or byte or ushort or uint or ulong or decimal => ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture),
        _ => null,
    };
}

using AwsMcp.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace AwsMcp.Generators.Parsing;

/// <summary>Turns a parameter's C# default value into the binder's expression and the schema's <c>default</c>.</summary>
internal static class DefaultValueFormatter
{
    /// <summary>The default of <paramref name="parameter"/>, or null when it declares none.</summary>
    public static DefaultValue? Read(IParameterSymbol parameter, TypeShape shape)
    {
        if (!parameter.HasExplicitDefaultValue)
        {
            return null;
        }

        object? value = parameter.ExplicitDefaultValue;
        if (value is null)
        {
            // `= null` or `= default`: nothing worth writing into the schema.
            return new DefaultValue(shape.IsValueType && !shape.IsNullable ? $"default({shape.TypeName})" : "null", null);
        }

        if (shape.Kind == ShapeKind.Enum)
        {
            EnumMember? member = FindEnumMember(UnwrapNullable(parameter.Type), value);
            return member is null
                ? new DefaultValue($"({shape.TypeName}){ConstraintReader.FormatNumber(value)}", null)
                : new DefaultValue($"{shape.TypeName}.{Emitting.CSharpText.Identifier(member.Name)}", JsonText.Quote(member.JsonName));
        }

        return value switch
        {
            string text => new DefaultValue(SymbolDisplay.FormatLiteral(text, quote: true), JsonText.Quote(text)),
            bool flag => new DefaultValue(flag ? "true" : "false", flag ? "true" : "false"),
            _ when ConstraintReader.FormatNumber(value) is { } number => new DefaultValue(
                $"({shape.TypeName})" + SymbolDisplay.FormatPrimitive(value, quoteStrings: false, useHexadecimalNumbers: false),
                number),
            _ => new DefaultValue($"default({shape.TypeName})", null),
        };
    }

    /// <summary>The default value to use when an optional nullable argument without a declared default is absent.</summary>
    public static DefaultValue Null(TypeShape shape) => new(shape.IsValueType ? $"default({shape.LocalTypeName})" : "null", null);

    private static ITypeSymbol UnwrapNullable(ITypeSymbol type) =>
        type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable ? nullable.TypeArguments[0] : type;

    private static EnumMember? FindEnumMember(ITypeSymbol enumType, object value)
    {
        foreach (ISymbol member in enumType.GetMembers())
        {
            if (member is IFieldSymbol { HasConstantValue: true } field && Equals(field.ConstantValue, value))
            {
                return new EnumMember(field.Name, NameConventions.ToSnakeCase(field.Name));
            }
        }

        return null;
    }
}

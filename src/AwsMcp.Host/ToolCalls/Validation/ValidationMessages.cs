using System.Globalization;
using NJsonSchema.Validation;

namespace AwsMcp.Host.ToolCalls.Validation;

/// <summary>
/// Words for NJsonSchema's error kinds. Its own <c>ToString()</c> gives only the kind and path; callers (often a
/// model) fix arguments faster when told the expected type, pattern, values or limits.
/// </summary>
public static class ValidationMessages
{
    public static string Describe(ValidationError error)
    {
        var field = FieldPath(error);
        var schema = error.Schema;
        var what = error.Kind switch
        {
            ValidationErrorKind.PropertyRequired => "is required",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => "is not an argument of this tool",
            ValidationErrorKind.StringExpected => "must be a string",
            ValidationErrorKind.IntegerExpected => "must be an integer",
            ValidationErrorKind.NumberExpected => "must be a number",
            ValidationErrorKind.BooleanExpected => "must be true or false",
            ValidationErrorKind.ArrayExpected => "must be an array",
            ValidationErrorKind.ObjectExpected => "must be an object",
            ValidationErrorKind.NullExpected => "must be null",
            ValidationErrorKind.PatternMismatch => $"must match the pattern {schema?.Pattern}",
            ValidationErrorKind.NotInEnumeration => $"must be one of: {string.Join(", ", schema?.Enumeration ?? [])}",
            ValidationErrorKind.StringTooShort => $"must be at least {schema?.MinLength} characters long",
            ValidationErrorKind.StringTooLong => $"must be at most {schema?.MaxLength} characters long",
            ValidationErrorKind.NumberTooSmall => $"must be at least {Format(schema?.Minimum ?? schema?.ExclusiveMinimum)}",
            ValidationErrorKind.NumberTooBig => $"must be at most {Format(schema?.Maximum ?? schema?.ExclusiveMaximum)}",
            ValidationErrorKind.TooManyItems => $"must have at most {schema?.MaxItems} items",
            ValidationErrorKind.TooFewItems => $"must have at least {schema?.MinItems} items",
            ValidationErrorKind.ItemsNotUnique => "must not repeat items",
            _ => $"is not valid ({error.Kind})",
        };
        return $"{field} {what}";
    }

    /// <summary><c>#/instance_ids[1]</c> becomes <c>instance_ids[1]</c>; the root is "arguments".</summary>
    private static string FieldPath(ValidationError error)
    {
        var path = (error.Path ?? "#/").TrimStart('#').TrimStart('/').Replace('/', '.');
        if (error.Kind == ValidationErrorKind.PropertyRequired && error.Property is { } property && !path.EndsWith(property, StringComparison.Ordinal))
        {
            path = path.Length == 0 ? property : $"{path}.{property}";
        }

        return path.Length == 0 ? "arguments" : path;
    }

    private static string Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "the limit";
}

using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace AwsMcp.Abstractions.Runtime;

/// <summary>
/// The DataAnnotations checks generated invokers run at bind time, so a tool is safe even when a client ignores the
/// schema. Each returns the value so checks compose into one expression. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ArgumentConstraints
{
    private static readonly ConcurrentDictionary<string, Regex> s_patterns = new(StringComparer.Ordinal);

    /// <summary><c>[Range]</c>: inclusive bounds.</summary>
    public static T Range<T>(T value, double? minimum, double? maximum, string path)
        where T : INumberBase<T>
    {
        double number = double.CreateSaturating(value);
        if (number < minimum || number > maximum)
        {
            throw new ToolArgumentException(path, $"{Format(number)} is out of range; expected {Bounds(minimum, maximum)}");
        }

        return value;
    }

    /// <summary><c>[RegularExpression]</c>: the pattern (already anchored by the generator) must match.</summary>
    public static string Pattern(string value, string pattern, string path)
    {
        Regex regex = s_patterns.GetOrAdd(pattern, static p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
        return regex.IsMatch(value) ? value : throw new ToolArgumentException(path, $"does not match the pattern {pattern}");
    }

    /// <summary><c>[StringLength]</c>, <c>[MinLength]</c>, <c>[MaxLength]</c> on strings.</summary>
    public static string Length(string value, int? minimum, int? maximum, string path) =>
        value.Length < minimum || value.Length > maximum
            ? throw new ToolArgumentException(path, $"has {value.Length} characters; expected {Bounds(minimum, maximum)}")
            : value;

    /// <summary><c>[MinLength]</c>, <c>[MaxLength]</c> on arrays and lists.</summary>
    public static TCollection Count<TCollection>(TCollection value, int? minimum, int? maximum, string path)
        where TCollection : ICollection =>
        value.Count < minimum || value.Count > maximum
            ? throw new ToolArgumentException(path, $"has {value.Count} items; expected {Bounds(minimum, maximum)}")
            : value;

    private static string Bounds(double? minimum, double? maximum) => (minimum, maximum) switch
    {
        ({ } min, { } max) => $"{Format(min)} to {Format(max)}",
        ({ } min, null) => $"at least {Format(min)}",
        (null, { } max) => $"at most {Format(max)}",
        _ => "any value",
    };

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}

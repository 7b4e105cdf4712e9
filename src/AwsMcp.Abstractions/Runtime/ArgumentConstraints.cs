using System.Collections;
using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Numerics;
using System.Text.RegularExpressions;

namespace AwsMcp.Abstractions.Runtime;

/// <summary>
/// The DataAnnotations checks generated binders run, so a tool is safe even when a client ignores the schema. Each
/// records a problem and returns the value, so checks compose into one expression. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class ArgumentConstraints
{
    private static readonly ConcurrentDictionary<string, Regex> s_patterns = new(StringComparer.Ordinal);

    /// <summary><c>[Range]</c>: inclusive bounds.</summary>
    public static T Range<T>(T value, double? minimum, double? maximum, string path, ArgumentProblems problems)
        where T : INumberBase<T>
    {
        double number = double.CreateSaturating(value);
        if ((number < minimum || number > maximum) && !problems.LastIsAt(path))
        {
            problems.Add(path, $"{Format(number)} is out of range; expected {Bounds(minimum, maximum)}");
        }

        return value;
    }

    /// <summary><c>[RegularExpression]</c>: the pattern (already anchored by the generator) must match.</summary>
    public static string Pattern(string value, string pattern, string path, ArgumentProblems problems)
    {
        if (value is null || problems.LastIsAt(path))
        {
            return value!;
        }

        try
        {
            if (!s_patterns.GetOrAdd(pattern, Compile).IsMatch(value))
            {
                problems.Add(path, $"does not match the pattern {pattern}");
            }
        }
        catch (RegexMatchTimeoutException)
        {
            problems.Add(path, $"could not be checked against the pattern {pattern} in time");
        }

        return value;
    }

    /// <summary><c>[StringLength]</c>, <c>[MinLength]</c>, <c>[MaxLength]</c> on strings.</summary>
    public static string Length(string value, int? minimum, int? maximum, string path, ArgumentProblems problems)
    {
        if (value is not null && (value.Length < minimum || value.Length > maximum) && !problems.LastIsAt(path))
        {
            problems.Add(path, $"has {value.Length} characters; expected {Bounds(minimum, maximum)}");
        }

        return value!;
    }

    /// <summary><c>[MinLength]</c>, <c>[MaxLength]</c> on arrays and lists.</summary>
    public static TCollection Count<TCollection>(TCollection value, int? minimum, int? maximum, string path, ArgumentProblems problems)
        where TCollection : ICollection
    {
        if (value is not null && (value.Count < minimum || value.Count > maximum) && !problems.LastIsAt(path))
        {
            problems.Add(path, $"has {value.Count} items; expected {Bounds(minimum, maximum)}");
        }

        return value!;
    }

    // Linear-time matching where the pattern allows it (no lookarounds or backreferences); a timeout otherwise.
    private static Regex Compile(string pattern)
    {
        try
        {
            return new Regex(pattern, RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return new Regex(pattern, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(200));
        }
    }

    private static string Bounds(double? minimum, double? maximum) => (minimum, maximum) switch
    {
        ({ } min, { } max) => $"{Format(min)} to {Format(max)}",
        ({ } min, null) => $"at least {Format(min)}",
        (null, { } max) => $"at most {Format(max)}",
        _ => "any value",
    };

    private static string Format(double value) => value.ToString(CultureInfo.InvariantCulture);
}

using System.ComponentModel;
using System.Text.Json;

namespace AwsMcp.Abstractions.Runtime;

/// <summary>
/// Reads the target lists of a fan-out tool (<see cref="AwsTargetAttribute.FanOut"/>) for its generated binder:
/// <c>regions</c> or <c>accounts</c>, an array of names each checked against the target's pattern, or the one word that
/// means every target (<c>all</c>, <c>*</c>) alone. Not for direct use.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class TargetLists
{
    /// <summary>The list under <paramref name="name"/>, or an empty one when absent or null.</summary>
    /// <param name="arguments">The call's arguments.</param>
    /// <param name="name">The list argument (<c>regions</c>).</param>
    /// <param name="every">The word that means every target (<c>all</c>).</param>
    /// <param name="pattern">The pattern each name must match.</param>
    /// <param name="singleName">The one-target argument the list replaces (<c>region</c>), accepted instead of it, never with it.</param>
    /// <param name="singleSent">True when the call sent <paramref name="singleName"/>.</param>
    /// <param name="problems">Where problems are recorded.</param>
    public static IReadOnlyList<string> Read(
        JsonElement arguments, string name, string every, string pattern, string singleName, bool singleSent, ArgumentProblems problems)
    {
        if (!JsonArgumentReader.TryGetValue(arguments, name, out JsonElement list))
        {
            return [];
        }

        if (singleSent)
        {
            problems.Add(name, $"cannot be sent with {singleName}; send one of them");
            return [];
        }

        string[] names = JsonArgumentReader.Array(
            list, name, (item, path, found) => ArgumentConstraints.Pattern(JsonArgumentReader.String(item, path, found), PatternOrEvery(pattern, every), path, found), problems);
        if (names.Length == 0 && list.ValueKind == JsonValueKind.Array)
        {
            problems.Add(name, $"is empty; list at least one, or [\"{every}\"]");
        }
        else if (names.Length > 1 && Array.IndexOf(names, every) >= 0)
        {
            problems.Add(name, $"\"{every}\" stands alone: it already means every one");
        }
        else if (names.Distinct(StringComparer.Ordinal).Count() != names.Length)
        {
            problems.Add(name, "names a target twice");
        }

        return names;
    }

    // One anchored pattern per list, cached by ArgumentConstraints like the declared ones.
    private static string PatternOrEvery(string pattern, string every) =>
        $"^(?:{System.Text.RegularExpressions.Regex.Escape(every)}|{pattern.TrimStart('^').TrimEnd('$')})$";
}

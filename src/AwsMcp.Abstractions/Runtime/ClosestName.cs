namespace AwsMcp.Abstractions.Runtime;

/// <summary>"Did you mean": the known name nearest a mistyped one, for error messages people and models act on.</summary>
public static class ClosestName
{
    /// <summary>
    /// The candidate with the smallest edit distance to <paramref name="name"/> (case-insensitive), when it is close
    /// enough to be a typo (at most a third of the name's length, and at least 1); else null.
    /// </summary>
    public static string? Find(string name, IEnumerable<string> candidates)
    {
        if (name is null || candidates is null)
        {
            return null;
        }

        var limit = Math.Max(1, name.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Distance(name.ToLowerInvariant(), candidate.ToLowerInvariant(), limit);
            if (distance <= limit && distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return best;
    }

    /// <summary>" Did you mean 'x'?" or an empty string.</summary>
    public static string Suggestion(string name, IEnumerable<string> candidates) =>
        Find(name, candidates) is { } closest ? $" Did you mean '{closest}'?" : string.Empty;

    // Optimal string alignment (Levenshtein with transpositions), giving up beyond the limit: names are short.
    private static int Distance(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return int.MaxValue;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                current[j] = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    current[j] = Math.Min(current[j], previous2[j - 2] + 1);
                }
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return previous[b.Length];
    }
}

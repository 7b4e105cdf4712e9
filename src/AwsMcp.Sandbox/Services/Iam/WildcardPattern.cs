namespace AwsMcp.Sandbox.Services.Iam;

/// <summary>IAM's glob matching for actions and resources: <c>*</c> matches any run of characters, <c>?</c> exactly one.</summary>
public static class WildcardPattern
{
    public static bool Matches(string pattern, string value, StringComparison comparison)
    {
        int p = 0, v = 0, star = -1, resume = 0;
        while (v < value.Length)
        {
            if (p < pattern.Length && (pattern[p] == '?' || string.Compare(pattern, p, value, v, 1, comparison) == 0) && pattern[p] != '*')
            {
                p++;
                v++;
            }
            else if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = v;
            }
            else if (star >= 0)
            {
                // Backtrack: let the last star swallow one more character.
                p = star + 1;
                v = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}

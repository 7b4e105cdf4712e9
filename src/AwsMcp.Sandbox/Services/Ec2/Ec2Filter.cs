using System.Text.RegularExpressions;

namespace AwsMcp.Sandbox.Services.Ec2;

/// <summary>A <c>Filter.N</c>: matches when any of a resource's values matches any filter value (<c>*</c> and <c>?</c> are wildcards, as in EC2).</summary>
internal sealed record Ec2Filter(string Name, IReadOnlyList<string> Values)
{
    public bool Matches(IEnumerable<string?> candidates) =>
        candidates.OfType<string>().Any(candidate => Values.Any(pattern => Wildcard(pattern).IsMatch(candidate)));

    private static Regex Wildcard(string pattern) =>
        new("^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$",
            RegexOptions.CultureInvariant | RegexOptions.Singleline);
}

using System.Text.RegularExpressions;
using AwsMcp.Host.Cli;
using AwsMcp.Host.Configuration;
using AwsMcp.Host.Tests.Infrastructure;

namespace AwsMcp.Host.Tests.FirstHour;

/// <summary>
/// The README and docs agree with the product: every <c>awsmcp</c> command they show parses, every
/// <c>AWSMCP__…</c> setting they name exists, every package they install is one <c>build/pack.sh</c> makes, and
/// the API-key header they tell users to send is one the server reads. A doc that drifts fails the build.
/// </summary>
public sealed partial class DocumentedCommandTests
{
    private static readonly string[] Documents = [.. new[] { "README.md", "src/AwsMcp.Host/README.md", "templates/AwsMcp.Templates/README.md" }
        .Concat(Directory.GetFiles(Path.Combine(TestBuild.RepoRoot, "docs"), "*.md").Select(file => Path.GetRelativePath(TestBuild.RepoRoot, file)))];

    public static TheoryData<string> Docs() => [.. Documents];

    [Theory]
    [MemberData(nameof(Docs))]
    public void Every_awsmcp_command_in_a_code_block_parses(string document)
    {
        var problems = new List<string>();
        foreach (var line in CodeLines(document))
        {
            var command = AwsmcpCommand().Match(line);
            if (!command.Success || line.Contains(" | ", StringComparison.Ordinal) || line.Contains('[') || line.Contains('→'))
            {
                continue; // prose or a synopsis (alternatives, optional parts), not a command to type
            }

            var args = Words(command.Groups["args"].Value);
            var parsed = CliApplication.Create().Parse(args);
            problems.AddRange(parsed.Errors.Select(error => $"{document}: `awsmcp {command.Groups["args"].Value.Trim()}`: {error.Message}"));
        }

        Assert.Empty(problems);
    }

    [Theory]
    [MemberData(nameof(Docs))]
    public void Every_documented_setting_exists(string document)
    {
        var text = File.ReadAllText(Path.Combine(TestBuild.RepoRoot, document));
        var unknown = SettingName().Matches(text).Select(match => match.Value.TrimEnd('_'))
            .Where(name => !ConfigurationKeys.VariableExists(name))
            .Distinct()
            .ToList();

        Assert.Empty(unknown);
    }

    [Theory]
    [MemberData(nameof(Docs))]
    public void Every_documented_package_is_one_the_pack_script_makes(string document)
    {
        var version = Regex.Match(File.ReadAllText(Path.Combine(TestBuild.RepoRoot, "Directory.Build.props")), "<Version>([^<]+)</Version>").Groups[1].Value;
        var packScript = File.ReadAllText(Path.Combine(TestBuild.RepoRoot, "build", "pack.sh"));
        var wrong = PackageFile().Matches(File.ReadAllText(Path.Combine(TestBuild.RepoRoot, document)))
            .Where(match => match.Groups["version"].Value != version || !packScript.Contains(ProjectOf(match.Groups["id"].Value), StringComparison.Ordinal))
            .Select(match => match.Value)
            .ToList();

        Assert.Empty(wrong);
    }

    [Fact]
    public void The_documented_api_key_headers_are_the_ones_the_server_reads()
    {
        var headers = Documents.SelectMany(document => ApiKeyHeader().Matches(File.ReadAllText(Path.Combine(TestBuild.RepoRoot, document))).Select(m => m.Groups[1].Value)).Distinct();

        Assert.All(headers, header => Assert.Contains(header, SecurityOptions.StandardApiKeyHeaders));
    }

    private static string ProjectOf(string id) => id switch
    {
        "AwsMcp.Server" => "src/AwsMcp.Host",
        "AwsMcp.Templates" => "templates/AwsMcp.Templates",
        "AwsMcp.Compute" or "AwsMcp.Storage" or "AwsMcp.Billing" or "AwsMcp.Iam" => $"plugins/{id["AwsMcp.".Length..]}",
        _ => $"src/{id}",
    };

    private static IEnumerable<string> CodeLines(string document)
    {
        var inCode = false;
        foreach (var line in File.ReadLines(Path.Combine(TestBuild.RepoRoot, document)))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
            }
            else if (inCode)
            {
                yield return line.Trim();
            }
        }
    }

    // Shell words with quotes removed and placeholders filled; a trailing comment dropped.
    private static string[] Words(string text)
    {
        var words = new List<string>();
        foreach (Match word in ShellWord().Matches(Comment().Replace(text, string.Empty)))
        {
            var value = word.Value.Length > 1 && word.Value[0] is '\'' or '"' ? word.Value[1..^1] : word.Value;
            words.Add(Placeholder().Replace(value, "x"));
        }

        return [.. words];
    }

    [GeneratedRegex(@"(?:^|\s|/)awsmcp(?:\.dll)?\s+(?<args>(?:serve|tools|call|doctor|plugins|audit|keys)\b.*)$")]
    private static partial Regex AwsmcpCommand();

    [GeneratedRegex(@"AWSMCP__[A-Za-z0-9]+(?:__[A-Za-z0-9]+)*")]
    private static partial Regex SettingName();

    [GeneratedRegex(@"(?<id>AwsMcp\.[A-Za-z.]+?)\.(?<version>\d+\.\d+\.\d+)\.nupkg")]
    private static partial Regex PackageFile();

    [GeneratedRegex(@"(?:header(?: name)?|--header ""|name:)\s*`?((?:X-)?Api-Key)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ApiKeyHeader();

    [GeneratedRegex("""'[^']*'|"[^"]*"|\S+""")]
    private static partial Regex ShellWord();

    [GeneratedRegex(@"\s+#.*$")]
    private static partial Regex Comment();

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Placeholder();
}

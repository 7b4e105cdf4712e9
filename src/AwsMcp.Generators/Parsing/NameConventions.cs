using System.Globalization;
using System.Text;

namespace AwsMcp.Generators.Parsing;

/// <summary>How C# names become tool names, JSON names and generated identifiers.</summary>
internal static class NameConventions
{
    /// <summary><c>DescribeInstancesAsync</c> → <c>describe_instances</c>.</summary>
    public static string ToolNameFromMethod(string methodName)
    {
        const string asyncSuffix = "Async";
        string trimmed = methodName.Length > asyncSuffix.Length && methodName.EndsWith(asyncSuffix, StringComparison.Ordinal)
            ? methodName.Substring(0, methodName.Length - asyncSuffix.Length)
            : methodName;
        return ToSnakeCase(trimmed);
    }

    /// <summary><c>nextToken</c> → <c>next_token</c>, <c>InstanceIds</c> → <c>instance_ids</c>, <c>HTTPServer</c> → <c>http_server</c>, <c>Ec2Instance</c> → <c>ec2_instance</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (!char.IsUpper(c))
            {
                builder.Append(c);
                continue;
            }

            if (i > 0)
            {
                char previous = name[i - 1];
                bool nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (char.IsLower(previous) || char.IsDigit(previous) || (char.IsUpper(previous) && nextIsLower))
                {
                    builder.Append('_');
                }
            }

            builder.Append(char.ToLowerInvariant(c));
        }

        return builder.ToString();
    }

    /// <summary>Letters and digits kept, everything else replaced by '_' (for generated identifiers).</summary>
    public static string ToIdentifier(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (char c in text)
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : '_');
        }

        return builder.ToString();
    }

    /// <summary>FNV-1a: stable across processes and machines, unlike <see cref="string.GetHashCode()"/>.</summary>
    public static string StableHash(string text)
    {
        unchecked
        {
            uint hash = 2166136261;
            foreach (char c in text)
            {
                hash = (hash ^ c) * 16777619;
            }

            return hash.ToString("x8", CultureInfo.InvariantCulture);
        }
    }
}

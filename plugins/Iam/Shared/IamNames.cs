using AwsMcp.Abstractions;

namespace AwsMcp.Iam.Shared;

/// <summary>Checks the IAM names and ARNs tools take, so that a typo fails with the argument's name, not an AWS error.</summary>
public static class IamNames
{
    /// <summary>A role or user name (IAM allows <c>[\w+=,.@-]</c>, 1–64 characters), or its ARN, whose last segment is the name.</summary>
    public static string EntityName(string value, string field)
    {
        ArgumentNullException.ThrowIfNull(value);
        var name = value.StartsWith("arn:", StringComparison.Ordinal) ? value.Split('/')[^1] : value;
        return name.Length is >= 1 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '+' or '=' or ',' or '.' or '@' or '-')
            ? name
            : throw new ToolArgumentException(field, $"'{value}' is not an IAM name or ARN.");
    }

    /// <summary>Days from <paramref name="then"/> to <paramref name="now"/>, whole days, never negative.</summary>
    public static int DaysBetween(DateTimeOffset then, DateTimeOffset now) => Math.Max(0, (int)(now - then).TotalDays);
}

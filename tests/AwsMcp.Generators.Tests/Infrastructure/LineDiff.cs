using System.Globalization;
using System.Text;

namespace AwsMcp.Generators.Tests.Infrastructure;

/// <summary>A unified line diff (longest common subsequence) for readable snapshot failures.</summary>
internal static class LineDiff
{
    private const int Context = 3;

    public static string Unified(string expected, string actual, string expectedName, string actualName)
    {
        List<Edit> edits = Edits(Split(expected), Split(actual));
        var builder = new StringBuilder();
        builder.Append("--- ").Append(expectedName).Append('\n');
        builder.Append("+++ ").Append(actualName).Append('\n');
        int i = 0;
        while (i < edits.Count)
        {
            if (edits[i].Operation == ' ')
            {
                i++;
                continue;
            }

            int start = Math.Max(0, i - Context);
            int end = HunkEnd(edits, i);
            builder.Append(CultureInfo.InvariantCulture, $"@@ -{edits[start].ExpectedLine + 1} +{edits[start].ActualLine + 1} @@\n");
            for (int k = start; k < end; k++)
            {
                builder.Append(edits[k].Operation).Append(edits[k].Text).Append('\n');
            }

            i = end;
        }

        return builder.ToString();
    }

    /// <summary>Extends a hunk over changes that are at most 2×context lines apart.</summary>
    private static int HunkEnd(List<Edit> edits, int firstChange)
    {
        int end = firstChange;
        while (true)
        {
            int afterChanges = end;
            while (afterChanges < edits.Count && edits[afterChanges].Operation != ' ')
            {
                afterChanges++;
            }

            int next = afterChanges;
            while (next < edits.Count && edits[next].Operation == ' ' && next - afterChanges < 2 * Context)
            {
                next++;
            }

            if (next < edits.Count && edits[next].Operation != ' ')
            {
                end = next;
                continue;
            }

            return Math.Min(edits.Count, afterChanges + Context);
        }
    }

    private static List<Edit> Edits(string[] a, string[] b)
    {
        var common = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
        {
            for (int j = b.Length - 1; j >= 0; j--)
            {
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
            }
        }

        var edits = new List<Edit>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y])
            {
                edits.Add(new Edit(' ', x++, y++, a[x - 1]));
            }
            else if (x < a.Length && (y == b.Length || common[x + 1, y] >= common[x, y + 1]))
            {
                edits.Add(new Edit('-', x++, y, a[x - 1]));
            }
            else
            {
                edits.Add(new Edit('+', x, y++, b[y - 1]));
            }
        }

        return edits;
    }

    private static string[] Split(string text) => text.Length == 0 ? [] : text.Split('\n');

    private sealed record Edit(char Operation, int ExpectedLine, int ActualLine, string Text);
}

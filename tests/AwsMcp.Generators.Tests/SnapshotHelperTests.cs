using AwsMcp.Generators.Tests.Infrastructure;
using Xunit;

namespace AwsMcp.Generators.Tests;

public sealed class SnapshotHelperTests
{
    [Fact]
    public void UnifiedDiff_ShowsChangedAndAddedLines()
    {
        string diff = LineDiff.Unified("a\nb\nc\nd", "a\nB\nc\nd\ne", "x.verified.cs", "x.received.cs");

        Assert.StartsWith("--- x.verified.cs\n+++ x.received.cs\n", diff, StringComparison.Ordinal);
        Assert.Contains("-b\n+B\n", diff, StringComparison.Ordinal);
        Assert.Contains("+e\n", diff, StringComparison.Ordinal);
    }
}

namespace AwsMcp.Bench.Harness;

/// <summary>One measured figure of the Stopwatch harness, as a row of the results table.</summary>
internal sealed record HarnessRow(string Measure, string Value, string HowMeasured);

namespace AwsMcp.Sandbox.Protocols;

/// <summary>One page of a listing and the token of the next page (null on the last page).</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, string? NextToken);

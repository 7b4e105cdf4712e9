namespace TagCompliance;

/// <summary>An instance that misses at least one required tag.</summary>
/// <param name="InstanceId">The instance id.</param>
/// <param name="Name">Its Name tag, when it has one.</param>
/// <param name="State">Its state (running, stopped, ...).</param>
/// <param name="MissingTags">The required tag keys it lacks or has with an empty value.</param>
public sealed record NonCompliantInstance(string InstanceId, string? Name, string State, IReadOnlyList<string> MissingTags);

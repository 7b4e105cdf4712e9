namespace AwsMcp.Abstractions;

/// <summary>A request for the client's model to complete <see cref="Prompt"/> (the user approves it in the client).</summary>
public sealed record SamplingRequest(string Prompt, int MaxTokens = 256, string? SystemPrompt = null);

/// <summary>The client model's text answer and the model that gave it.</summary>
public sealed record SamplingAnswer(string Text, string? Model);

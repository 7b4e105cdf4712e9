namespace AwsMcp.Abstractions;

/// <summary>What a <c>[Prompt]</c> returns: the messages that start the conversation.</summary>
public sealed class PromptResult
{
    public PromptResult(IReadOnlyList<PromptMessage> messages, string? description = null)
    {
        ArgumentNullException.ThrowIfNull(messages);
        Messages = messages;
        Description = description;
    }

    public IReadOnlyList<PromptMessage> Messages { get; }

    /// <summary>Describes this particular rendering (the prompt's own description is listed anyway).</summary>
    public string? Description { get; }

    /// <summary>One user message with <paramref name="text"/>.</summary>
    public static PromptResult User(string text) => new([PromptMessage.User(text)]);
}

/// <summary>One message of a prompt: who says it and one piece of content.</summary>
public sealed record PromptMessage(PromptRole Role, ToolContent Content)
{
    public static PromptMessage User(string text) => new(PromptRole.User, ToolContent.FromText(text));

    public static PromptMessage Assistant(string text) => new(PromptRole.Assistant, ToolContent.FromText(text));
}

public enum PromptRole
{
    User,
    Assistant,
}

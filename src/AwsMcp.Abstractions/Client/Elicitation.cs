using System.Text.Json;

namespace AwsMcp.Abstractions;

/// <summary>
/// A question for the user: the message, and the form as a flat JSON Schema object of strings, numbers, booleans and
/// enums (MCP's restricted elicitation schema; defaults allowed).
/// </summary>
public sealed record ElicitationRequest(string Message, JsonElement RequestedSchema);

/// <summary>What the user did with an <see cref="ElicitationRequest"/>.</summary>
public sealed record ElicitationAnswer(ElicitationAction Action, JsonElement? Content = null)
{
    /// <summary>The client cannot be asked (no elicitation capability, or a stateless exchange).</summary>
    public static ElicitationAnswer Unavailable { get; } = new(ElicitationAction.Unavailable);
}

public enum ElicitationAction
{
    /// <summary>Submitted the form: <see cref="ElicitationAnswer.Content"/> holds the values.</summary>
    Accept,

    /// <summary>Said no.</summary>
    Decline,

    /// <summary>Dismissed the question.</summary>
    Cancel,

    /// <summary>Never asked: the client or transport cannot carry the question.</summary>
    Unavailable,
}

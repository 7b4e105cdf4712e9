namespace AwsMcp.Host.ToolCalls;

/// <summary>How a call ended, for audit and metrics; set by the step that produced the result.</summary>
public enum ToolCallOutcome
{
    /// <summary>No step has decided yet (a step threw before setting it).</summary>
    Pending,

    Succeeded,

    /// <summary>Refused by policy (or a confirmation token was refused) before the tool ran.</summary>
    Refused,

    /// <summary>A destructive tool answered with a plan and a confirmation token; nothing changed yet.</summary>
    ConfirmationRequired,

    /// <summary>The arguments did not match the schema or did not bind.</summary>
    InvalidArguments,

    /// <summary>The tool reported an error meant for the caller (<c>ToolException</c> or an <c>isError</c> result).</summary>
    ToolError,

    /// <summary>The tool threw something unexpected; the caller got a correlation id only.</summary>
    Failed,

    /// <summary>The result exceeded the output limit and was withheld.</summary>
    TooLarge,

    /// <summary>The client cancelled the call or went away.</summary>
    Cancelled,
}

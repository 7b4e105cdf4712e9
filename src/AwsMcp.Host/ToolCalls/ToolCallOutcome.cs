namespace AwsMcp.Host.ToolCalls;

/// <summary>How a call ended, for audit and metrics; set by the step that produced the result.</summary>
public enum ToolCallOutcome
{
    /// <summary>No step has decided yet (a step threw before setting it).</summary>
    Pending,

    Succeeded,

    /// <summary>A change succeeded, but its result was over the output limit and was answered shortened.</summary>
    SucceededTruncated,

    /// <summary>Refused by policy (or a confirmation token was refused) before the tool ran.</summary>
    Refused,

    /// <summary>A destructive tool answered with a plan and a confirmation token; nothing changed yet.</summary>
    ConfirmationRequired,

    /// <summary>The arguments did not match the schema or did not bind.</summary>
    InvalidArguments,

    /// <summary>No tool of that name is served.</summary>
    UnknownTool,

    /// <summary>The tool reported an error meant for the caller (<c>ToolException</c> or an <c>isError</c> result).</summary>
    ToolError,

    /// <summary>The tool threw something unexpected; the caller got a correlation id only.</summary>
    Failed,

    /// <summary>A read's result exceeded the output limit and was withheld.</summary>
    TooLarge,

    /// <summary>The call could not be recorded in the audit trail, so it was refused (or a read's answer withheld).</summary>
    AuditUnavailable,

    /// <summary>The client cancelled the call or went away.</summary>
    Cancelled,
}

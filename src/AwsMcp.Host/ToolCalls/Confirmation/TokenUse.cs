namespace AwsMcp.Host.ToolCalls.Confirmation;

/// <summary>What recording a token's use found (<see cref="IUsedConfirmationTokens"/>).</summary>
public enum TokenUse
{
    /// <summary>First use: recorded durably, the call may run.</summary>
    First,

    /// <summary>Used before (in this run or an earlier one, on this replica or another).</summary>
    Again,

    /// <summary>The use could not be recorded durably (the audit folder), so the call must not run.</summary>
    Unrecorded,

    /// <summary>The store the replicas share could not be reached, so no replica can tell whether it was used: the call must not run.</summary>
    SharedStoreUnreachable,
}

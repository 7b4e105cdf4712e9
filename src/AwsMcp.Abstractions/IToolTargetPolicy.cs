namespace AwsMcp.Abstractions;

/// <summary>
/// The host's policy for targets a tool reaches beyond the one its call was authorised for (see
/// <see cref="ToolContext.Retarget"/>). Implemented by the host; tool code does not use it directly.
/// </summary>
public interface IToolTargetPolicy
{
    /// <summary>Null when the call may act in <paramref name="region"/> of <paramref name="account"/>, else why not.</summary>
    string? Authorize(string region, string? account);
}

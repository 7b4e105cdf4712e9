namespace AwsMcp.Host.ToolCalls.Confirmation;

/// <summary>Why a confirmation token was not honoured: the audit rule and the words the caller reads.</summary>
public sealed record TokenRefusal(string Rule, string Message)
{
    /// <summary>The rule of a token that does not fit the call or is spent.</summary>
    public const string Refused = "confirmation-refused";

    /// <summary>The rule of a token that could not be checked because the replicas' shared store was unreachable.</summary>
    public const string StoreUnreachable = "confirmation-store-unreachable";
}

namespace AwsMcp.Abstractions;

/// <summary>
/// A failure the caller should read as is (e.g. "bucket is not empty"). The host turns it into an <c>isError</c>
/// result with this message; other exceptions are reported without internal detail.
/// </summary>
public class ToolException : Exception
{
    public ToolException(string message)
        : base(message)
    {
    }

    public ToolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

namespace AwsMcp.Host.Plugins.Install;

/// <summary>A tool pack was refused or could not be installed or removed; the message tells the operator why.</summary>
public sealed class ToolPackInstallException : Exception
{
    public ToolPackInstallException(string message)
        : base(message)
    {
    }

    public ToolPackInstallException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

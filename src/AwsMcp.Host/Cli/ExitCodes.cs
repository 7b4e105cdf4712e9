namespace AwsMcp.Host.Cli;

/// <summary>Process exit codes of the <c>awsmcp</c> command.</summary>
public static class ExitCodes
{
    public const int Success = 0;

    /// <summary><c>call</c>: the tool answered with <c>isError</c> (refused, invalid arguments, tool failure, unknown tool).</summary>
    public const int ToolError = 1;

    /// <summary>
    /// Invalid command line or configuration (e.g. a non-loopback bind without <c>--insecure</c>, or <c>serve</c> under a
    /// configured audit replica id that another live process writes).
    /// </summary>
    public const int InvalidConfiguration = 2;

    /// <summary><c>audit verify</c>: a hash chain is broken, in any replica's chain (a record was edited, removed, moved or reordered).</summary>
    public const int AuditBroken = 3;

    /// <summary><c>plugins install</c> / <c>plugins remove</c>: the tool pack was refused or the change failed; nothing changed.</summary>
    public const int InstallRefused = 4;

    /// <summary><c>doctor</c>: at least one check failed (each printed with its fix).</summary>
    public const int ProblemsFound = 5;
}

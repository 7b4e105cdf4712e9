namespace AwsMcp.Host.Cli.Output;

/// <summary>How a one-shot command prints (<c>--output</c>).</summary>
public enum OutputFormat
{
    /// <summary>For people on a terminal (a table or indented JSON), compact JSON for programs when piped.</summary>
    Auto,

    /// <summary>Columns; a result that is not a list prints as name/value rows.</summary>
    Table,

    /// <summary>Indented JSON.</summary>
    Pretty,

    /// <summary>Compact JSON, one document.</summary>
    Json,
}

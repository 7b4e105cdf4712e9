namespace AwsMcp.Generators.Parsing;

/// <summary>Whether a type is read from arguments (needs settable members) or written to a result (needs getters).</summary>
internal enum ShapeDirection
{
    Input,
    Output,
}

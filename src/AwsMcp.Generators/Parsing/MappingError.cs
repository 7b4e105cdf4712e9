namespace AwsMcp.Generators.Parsing;

/// <summary>Why a type cannot be a tool parameter or result.</summary>
/// <param name="Kind">Which diagnostic it becomes.</param>
/// <param name="Subject">For recursion: the type that contains itself; for duplicates: the JSON name; else the offending type.</param>
/// <param name="Message">The reason, naming the property path when the problem is nested.</param>
internal sealed record MappingError(MappingErrorKind Kind, string Subject, string Message);

/// <summary>The kinds of <see cref="MappingError"/>.</summary>
internal enum MappingErrorKind
{
    Unsupported,
    Recursive,
    DuplicateName,
}

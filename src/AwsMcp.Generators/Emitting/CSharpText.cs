using Microsoft.CodeAnalysis.CSharp;

namespace AwsMcp.Generators.Emitting;

/// <summary>C# literals and the names the generated code uses from AwsMcp.Abstractions.</summary>
internal static class CSharpText
{
    public const string Abstractions = "global::AwsMcp.Abstractions.";
    public const string Reader = "global::AwsMcp.Abstractions.Runtime.JsonArgumentReader";
    public const string Checks = "global::AwsMcp.Abstractions.Runtime.ArgumentConstraints";
    public const string TargetListReader = "global::AwsMcp.Abstractions.Runtime.TargetLists";
    public const string ResultAdapter = "global::AwsMcp.Abstractions.Runtime.ToolResultAdapter";
    public const string ProblemsType = "global::AwsMcp.Abstractions.Runtime.ArgumentProblems";
    public const string ResultWriter = "global::AwsMcp.Abstractions.Runtime.JsonResultWriter";
    public const string JsonElement = "global::System.Text.Json.JsonElement";
    public const string Utf8JsonWriter = "global::System.Text.Json.Utf8JsonWriter";
    public const string GeneratedCode = "[global::System.CodeDom.Compiler.GeneratedCodeAttribute(\"AwsMcp.Generators\", \"1.0.0\")]";

    public static string Literal(string text) => SymbolDisplay.FormatLiteral(text, quote: true);

    public static string NullableLiteral(string? text) => text is null ? "null" : Literal(text);

    /// <summary>A verbatim string literal; keeps multi-line JSON readable in the generated file.</summary>
    public static string Verbatim(string text) => "@\"" + text.Replace("\"", "\"\"") + "\"";

    public static string Bool(bool value) => value ? "true" : "false";

    /// <summary>A member name as it must appear in code: <c>@event</c> for a property named <c>event</c>.</summary>
    public static string Identifier(string name) => SyntaxFacts.GetKeywordKind(name) == SyntaxKind.None ? name : "@" + name;
}

using System.Text.Json;

namespace AwsMcp.Iam.Risks;

/// <summary>The words the tools' JSON uses for risk values (the generated writer's snake_case), for text that must match them.</summary>
internal static class RiskNames
{
    public static string Of<T>(T value)
        where T : struct, Enum => JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}

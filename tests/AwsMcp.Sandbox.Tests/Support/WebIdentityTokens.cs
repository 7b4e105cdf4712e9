using System.Buffers.Text;
using System.Text;

namespace AwsMcp.Sandbox.Tests.Support;

/// <summary>OIDC tokens as an identity provider issues them (compact JWTs); the sandbox reads their claims and never their signature.</summary>
public static class WebIdentityTokens
{
    /// <summary>A GitHub Actions token for <c>acme/app</c> on main, audience <c>sts.amazonaws.com</c>.</summary>
    public const string GitHubClaims =
        """{"iss":"https://token.actions.githubusercontent.com","sub":"repo:acme/app:ref:refs/heads/main","aud":["sts.amazonaws.com"],"exp":4102444800}""";

    public static string Jwt(string claims) => $"{Encode("""{"alg":"RS256","typ":"JWT","kid":"sandbox"}""")}.{Encode(claims)}.{Encode("not-verified")}";

    private static string Encode(string text) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(text));
}

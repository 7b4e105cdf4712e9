namespace AwsMcp.Sandbox.Core.Authentication;

/// <summary>What a verified request's signature was made with; aws-chunked bodies chain their chunk signatures from it.</summary>
internal sealed record SigningContext(byte[] SigningKey, string AmzDate, string Scope, string SeedSignature);

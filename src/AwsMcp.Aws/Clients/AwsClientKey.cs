namespace AwsMcp.Aws.Clients;

/// <summary>
/// What makes two clients interchangeable. The caller is part of the key only for named accounts, whose credentials
/// are assumed per caller; the server's own credentials are the same for everyone. The client type keeps the SDK's STS
/// client and the protocol client for STS apart.
/// </summary>
internal sealed record AwsClientKey(Type Client, string Service, string Region, string? Account, string? Caller, Uri? Endpoint);

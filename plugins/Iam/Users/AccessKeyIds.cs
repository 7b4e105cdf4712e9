namespace AwsMcp.Iam.Users;

/// <summary>
/// Masks access key ids for output: the first four characters (the key type, e.g. AKIA) and the last four stay, so
/// that an operator can match a key against the console without the whole id being copied into chats and logs.
/// </summary>
public static class AccessKeyIds
{
    private const int Visible = 4;

    public static string Mask(string accessKeyId)
    {
        ArgumentNullException.ThrowIfNull(accessKeyId);
        return accessKeyId.Length <= 2 * Visible
            ? new string('*', accessKeyId.Length)
            : accessKeyId[..Visible] + new string('*', accessKeyId.Length - (2 * Visible)) + accessKeyId[^Visible..];
    }
}

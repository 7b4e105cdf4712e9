namespace AwsMcp.Aws.Collections;

/// <summary>
/// AWS SDK v4 leaves collections it did not receive null instead of empty (<c>AWSConfigs.InitializeCollections</c> is
/// false by default, and flipping that process-wide switch would change other plugins' behaviour), so every read of an
/// SDK collection goes through these.
/// </summary>
public static class AwsCollectionExtensions
{
    public static List<T> OrEmpty<T>(this List<T>? list) => list ?? [];

    public static IReadOnlyList<T> OrEmpty<T>(this IReadOnlyList<T>? list) => list ?? [];

    public static IEnumerable<T> OrEmpty<T>(this IEnumerable<T>? items) => items ?? [];

    public static Dictionary<TKey, TValue> OrEmpty<TKey, TValue>(this Dictionary<TKey, TValue>? dictionary)
        where TKey : notnull => dictionary ?? [];
}

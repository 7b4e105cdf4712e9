namespace AwsMcp.Storage.Objects;

/// <summary>Text read from an object, one window at a time.</summary>
/// <param name="Bucket">The bucket.</param>
/// <param name="Key">The key.</param>
/// <param name="ContentType">The stored content type.</param>
/// <param name="Size">The object's size in bytes.</param>
/// <param name="Offset">The byte offset this text starts at.</param>
/// <param name="BytesRead">How many bytes the text covers.</param>
/// <param name="Text">The text (UTF-8), with credential-shaped values redacted.</param>
/// <param name="Truncated">True when the object continues after this text.</param>
/// <param name="NextOffset">Pass as offset to read on, when truncated.</param>
public sealed record S3ObjectText(string Bucket, string Key, string? ContentType, long Size, long Offset, int BytesRead, string Text, bool Truncated, long? NextOffset);

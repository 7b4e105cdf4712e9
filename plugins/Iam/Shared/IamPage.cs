using System.Xml.Linq;

namespace AwsMcp.Iam.Shared;

/// <summary>One page of an IAM list action.</summary>
/// <param name="NextMarker">IAM's Marker for the next page; null on the last page.</param>
public sealed record IamPage(IReadOnlyList<XElement> Members, string? NextMarker);

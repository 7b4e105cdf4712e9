using Amazon.Runtime;
using AwsMcp.Aws.Protocol.Signing;

namespace AwsMcp.Aws.Tests.SigV4;

/// <summary>Runs every case of the official SigV4 suite (TestData/sigv4) through <see cref="SigV4Signer"/>.</summary>
public sealed class SigV4SuiteTests
{
    /// <summary>Cases that need a feature this signer deliberately lacks, with the reason. Nothing else is skipped.</summary>
    private static readonly Dictionary<string, string> Unsupported = new(StringComparer.Ordinal)
    {
        ["post-sts-header-after"] =
            "adds X-Amz-Security-Token after signing, unsigned (an IoT-style mode); every service in scope requires the token to be signed, so the signer always signs it",
    };

    public static TheoryData<string> Cases() => new(SigV4SuiteCase.Names().Where(name => !Unsupported.ContainsKey(name)));

    [Fact]
    public void Suite_is_complete_and_every_case_is_run_or_listed()
    {
        var names = SigV4SuiteCase.Names().ToList();
        Assert.Equal(39, names.Count);
        Assert.All(Unsupported.Keys, name => Assert.Contains(name, names));
        Assert.Equal(names.Count - Unsupported.Count, Cases().Count);
    }

    [Fact]
    public void Unsupported_cases_really_need_the_missing_feature()
    {
        Assert.All(Unsupported.Keys, name => Assert.True(SigV4SuiteCase.Load(name).OmitsSessionToken, name));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Signs_like_the_suite(string name)
    {
        var suiteCase = SigV4SuiteCase.Load(name);

        var signature = SigV4Signer.Sign(
            suiteCase.Request, suiteCase.Credentials, suiteCase.Region, suiteCase.Service, suiteCase.SignedAt, suiteCase.Options);

        if (suiteCase.ExpectedCanonicalRequest is not null)
        {
            Assert.Equal(suiteCase.ExpectedCanonicalRequest, signature.CanonicalRequest);
        }

        if (suiteCase.ExpectedStringToSign is not null)
        {
            Assert.Equal(suiteCase.ExpectedStringToSign, signature.StringToSign);
        }

        Assert.Equal(suiteCase.ExpectedAuthorization, signature.Authorization);
        Assert.EndsWith("Signature=" + signature.Signature, suiteCase.ExpectedAuthorization, StringComparison.Ordinal);
        Assert.StartsWith(
            $"AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/{suiteCase.Region}/{suiteCase.Service}/aws4_request\n",
            signature.StringToSign,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Reproduces_the_documentation_example_for_iam_list_users()
    {
        // docs.aws.amazon.com "Examples of the complete Signature Version 4 signing process": GET IAM ListUsers.
        var request = new SigV4Request(
            "GET",
            "/",
            "Action=ListUsers&Version=2010-05-08",
            [new("Host", "iam.amazonaws.com"), new("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")],
            ReadOnlyMemory<byte>.Empty);
        var credentials = new ImmutableCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);

        var signature = SigV4Signer.Sign(request, credentials, "us-east-1", "iam", new DateTime(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc));

        Assert.Equal("5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7", signature.Signature);
    }
}

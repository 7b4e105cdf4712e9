using System.Net;
using Amazon.Runtime;

namespace AwsMcp.Sandbox.Tests.Support;

/// <summary>Asserts that an SDK call fails with an AWS error, checked by code and status as callers map them.</summary>
public static class AwsAssert
{
    public static async Task<TException> FailsWith<TException>(Func<Task> call, string errorCode, HttpStatusCode status)
        where TException : AmazonServiceException
    {
        var error = await Assert.ThrowsAnyAsync<TException>(call);
        Assert.Equal(errorCode, error.ErrorCode);
        Assert.Equal(status, error.StatusCode);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        return error;
    }
}

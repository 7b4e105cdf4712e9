namespace AwsMcp.Iam.Shared;

/// <summary>Request parameters the IAM list actions share.</summary>
public static class IamParameters
{
    /// <summary>Parameters of a list action filtered by path (ListRoles, ListUsers, ListPolicies); empty for no filter.</summary>
    public static Dictionary<string, string> UnderPath(string? pathPrefix)
    {
        var parameters = new Dictionary<string, string>(StringComparer.Ordinal);
        if (pathPrefix is not null)
        {
            parameters["PathPrefix"] = pathPrefix;
        }

        return parameters;
    }
}

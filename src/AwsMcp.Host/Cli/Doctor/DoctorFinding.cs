namespace AwsMcp.Host.Cli.Doctor;

/// <summary>How a check came out.</summary>
public enum DoctorStatus
{
    Ok,

    /// <summary>Works, but not as an operator would want in production.</summary>
    Warn,

    /// <summary>Broken: the server will not work as configured.</summary>
    Fail,
}

/// <summary>One line of <c>awsmcp doctor</c>: what was checked, what was found, and what to do about it.</summary>
public sealed record DoctorFinding(DoctorStatus Status, string Area, string Found, string? Fix = null)
{
    public static DoctorFinding Ok(string area, string found) => new(DoctorStatus.Ok, area, found);

    public static DoctorFinding Warn(string area, string found, string fix) => new(DoctorStatus.Warn, area, found, fix);

    public static DoctorFinding Fail(string area, string found, string fix) => new(DoctorStatus.Fail, area, found, fix);
}

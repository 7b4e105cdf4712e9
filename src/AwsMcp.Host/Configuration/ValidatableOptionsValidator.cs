using Microsoft.Extensions.Options;

namespace AwsMcp.Host.Configuration;

/// <summary>Adapts <see cref="IValidatableOptions"/> to the options framework so that <c>ValidateOnStart</c> reports every problem at once.</summary>
internal sealed class ValidatableOptionsValidator<T> : IValidateOptions<T>
    where T : class, IValidatableOptions
{
    public ValidateOptionsResult Validate(string? name, T options)
    {
        var failures = options.Validate().Select(message => $"{T.Section}: {message}").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

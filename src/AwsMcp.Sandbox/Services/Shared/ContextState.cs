using System.Runtime.CompilerServices;
using AwsMcp.Sandbox.Core;

namespace AwsMcp.Sandbox.Services.Shared;

/// <summary>
/// State that several emulators of one sandbox share (IAM roles read by STS, log groups written by Lambda), created once
/// per <see cref="SandboxContext"/>. Emulators are constructed independently by the catalog, so this is how they meet
/// without a service locator; two sandboxes in one process never see each other's state.
/// </summary>
public static class ContextState<T>
    where T : class
{
    private static readonly ConditionalWeakTable<SandboxContext, T> States = new();

    public static T For(SandboxContext context, Func<SandboxContext, T> create) => States.GetValue(context, key => create(key));
}

using System.Globalization;
using System.Text;

namespace AwsMcp.Host.ToolCalls.Audit.JsonLines;

/// <summary>
/// An exclusive lock on a file in the audit folder, held until disposed, between processes and within one. It is the
/// file opened with <see cref="FileShare.None"/>: a sharing lock on Windows, <c>flock</c> on Linux and macOS (also on
/// NFSv4 and EFS, where it is a lease the server drops ~90 s after a node is lost). The operating system releases it
/// when the process dies, however it dies, so a crashed replica never leaves its chain locked, and the file itself is
/// never deleted (deleting it would let two processes lock two different files of the same name).
/// </summary>
public sealed class AuditFileLock : IDisposable
{
    private readonly FileStream _file;

    private AuditFileLock(FileStream file) => _file = file;

    /// <summary>Takes the lock on <paramref name="path"/>, or returns null when another holder has it.</summary>
    /// <exception cref="IOException">The file cannot be opened for a reason other than another holder (the folder, permissions).</exception>
    public static AuditFileLock? TryTake(string path)
    {
        FileStream file;
        try
        {
            file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, bufferSize: 0);
        }
        catch (IOException ex) when (ex is not (FileNotFoundException or DirectoryNotFoundException or PathTooLongException) && File.Exists(path))
        {
            // A sharing violation (Windows) or EWOULDBLOCK (flock): another holder. Anything else about the folder
            // (missing, not writable) is thrown to the caller, which then fails closed.
            return null;
        }

        try
        {
            // Who holds it, for whoever looks (cat shows it on Unix, where the lock is advisory).
            var holder = Encoding.UTF8.GetBytes(string.Create(
                CultureInfo.InvariantCulture, $"pid {Environment.ProcessId} on {Environment.MachineName} since {DateTimeOffset.UtcNow:O}\n"));
            file.SetLength(0);
            file.Write(holder);
            file.Flush();
        }
        catch (IOException)
        {
            // Only a courtesy; the lock is the open handle.
        }

        return new AuditFileLock(file);
    }

    public void Dispose() => _file.Dispose();
}

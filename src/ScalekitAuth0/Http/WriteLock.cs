using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace ScalekitAuth0.Http
{
    /// <summary>
    /// Serialises the writers of one object (a connection's options, a client's redirect URIs) across
    /// the runspaces of a process and across the processes of a machine, for the time of one
    /// read-merge-write-verify. In a process: a semaphore per object. Across processes: a lock file
    /// per object in a per-user temporary folder, held open with no sharing. A file handle is not
    /// bound to a thread (a named mutex is, which does not mix with async code), works on .NET
    /// Framework and .NET alike, and the operating system closes it when its process dies, so a
    /// crashed holder never wedges the others.
    /// </summary>
    internal static class WriteLock
    {
        private static readonly ConcurrentDictionary<string, SemaphoreSlim> InProcess = new ConcurrentDictionary<string, SemaphoreSlim>(StringComparer.Ordinal);

        /// <summary>How often a waiting writer tries the lock file again.</summary>
        private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(25);

        /// <summary>
        /// Where the lock files are. Per user (the folder name carries a hash of the user name, since
        /// on Unix the temporary folder is shared). Settable for tests that play writers on two machines.
        /// </summary>
        internal static string Directory { get; set; } = Path.Combine(Path.GetTempPath(), "ScalekitAuth0-locks-" + Hash(Environment.UserName).Substring(0, 12));

        /// <summary>Longer than a checked write takes even when slowed by rate limits.</summary>
        public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

        /// <param name="key">Names the service, the tenant (API host) and the object; it is hashed, so no part of it shows in a file name.</param>
        /// <param name="what">The object, as the error names it when the lock cannot be had.</param>
        public static async Task<IDisposable> AcquireAsync(string key, string what, Operation operation, TimeSpan? within = null)
        {
            var name = Hash(key);
            var timeout = within ?? DefaultTimeout;
            var waited = Stopwatch.StartNew();
            var gate = InProcess.GetOrAdd(name, _ => new SemaphoreSlim(1, 1));
            if (!await gate.WaitAsync(timeout, operation.Cancellation).ConfigureAwait(false))
            {
                throw TimedOut(what, timeout, null);
            }
            try
            {
                var file = await OpenExclusiveAsync(FileOf(key), what, timeout, timeout - waited.Elapsed, operation).ConfigureAwait(false);
                if (waited.Elapsed > PollInterval)
                {
                    operation.Log.Verbose(string.Format(CultureInfo.InvariantCulture, "Waited {0:0.00} s for another writer of {1} on this machine to finish.", waited.Elapsed.TotalSeconds, what));
                }
                return new Held(gate, file);
            }
            catch
            {
                gate.Release();
                throw;
            }
        }

        /// <summary>The lock file of an object: its key hashed, in <see cref="Directory"/>.</summary>
        internal static string FileOf(string key) => Path.Combine(Directory, Hash(key) + ".lock");

        private static async Task<FileStream> OpenExclusiveAsync(string path, string what, TimeSpan timeout, TimeSpan left, Operation operation)
        {
            var waited = Stopwatch.StartNew();
            while (true)
            {
                try
                {
                    System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.None);
                }
                catch (IOException e)
                {
                    // Held by another process (a sharing violation on Windows, a taken flock on Unix).
                    if (waited.Elapsed >= left)
                    {
                        throw TimedOut(what, timeout, e);
                    }
                }
                catch (UnauthorizedAccessException e)
                {
                    throw new ScalekitAuth0Exception("WriteLockUnavailable", ApiErrorKind.Other,
                        $"Cannot create the lock file that keeps two commands on this machine from changing {what} at once ({path}): {e.Message}",
                        "Make the temporary folder (TEMP, TMPDIR) writable for this user, then run the command again.", e);
                }
                await Task.Delay(PollInterval + TimeSpan.FromMilliseconds(PollInterval.TotalMilliseconds * Jitter.Next()), operation.Cancellation).ConfigureAwait(false);
            }
        }

        private static ScalekitAuth0Exception TimedOut(string what, TimeSpan timeout, Exception? cause) =>
            new ScalekitAuth0Exception("WriteLockTimeout", ApiErrorKind.Timeout,
                string.Format(CultureInfo.InvariantCulture, "Another command on this machine has been changing {0} for more than {1:0} s; this one did not start its change.", what, timeout.TotalSeconds),
                "Wait for the other command (another runbook or PowerShell window) to finish, then run this one again; nothing was written.", cause);

        private static string Hash(string text)
        {
            using var sha = SHA256.Create();
            var bytes = sha.ComputeHash(Encoding.UTF8.GetBytes(text));
            var hex = new StringBuilder(bytes.Length * 2);
            foreach (var b in bytes)
            {
                hex.Append(b.ToString("x2", CultureInfo.InvariantCulture));
            }
            return hex.ToString();
        }

        private sealed class Held : IDisposable
        {
            private SemaphoreSlim? _gate;
            private readonly FileStream _file;

            public Held(SemaphoreSlim gate, FileStream file)
            {
                _gate = gate;
                _file = file;
            }

            public void Dispose()
            {
                var gate = Interlocked.Exchange(ref _gate, null);
                if (gate is not null)
                {
                    _file.Dispose();
                    gate.Release();
                }
            }
        }
    }
}

using ScalekitAuth0.Http;
using Xunit;

namespace ScalekitAuth0.Tests.Http;

/// <summary>The lock around a checked write: in one process by its semaphore, across processes by its lock file.</summary>
public class WriteLockTests
{
    private static string NewKey() => "test " + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task A_second_writer_in_this_process_waits_until_the_first_is_done()
    {
        var key = NewKey();
        var first = await WriteLock.AcquireAsync(key, "object 1", Operation.Silent());

        var second = WriteLock.AcquireAsync(key, "object 1", Operation.Silent());
        await Task.Delay(200);
        Assert.False(second.IsCompleted);
        first.Dispose();

        (await second).Dispose();
    }

    [Fact]
    public async Task A_lock_file_another_process_holds_is_waited_for_then_refused_with_a_stable_error_naming_the_object()
    {
        var key = NewKey();
        var path = WriteLock.FileOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using (new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        {
            var error = await Assert.ThrowsAsync<ScalekitAuth0Exception>(() => WriteLock.AcquireAsync(key, "Auth0 connection con_1", Operation.Silent(), TimeSpan.FromMilliseconds(300)));

            Assert.Equal("WriteLockTimeout", error.ErrorId);
            Assert.Contains("Auth0 connection con_1", error.Message);
            Assert.Equal(ApiErrorKind.Timeout, error.Kind);
        }

        (await WriteLock.AcquireAsync(key, "Auth0 connection con_1", Operation.Silent(), TimeSpan.FromMilliseconds(300))).Dispose();
    }

    [Fact]
    public async Task Different_objects_do_not_wait_for_each_other()
    {
        using var first = await WriteLock.AcquireAsync(NewKey(), "object 1", Operation.Silent());

        using var second = await WriteLock.AcquireAsync(NewKey(), "object 2", Operation.Silent(), TimeSpan.FromMilliseconds(300));
    }

    [Fact]
    public void The_file_name_shows_no_part_of_the_key()
    {
        var path = WriteLock.FileOf("auth0 tenant.example.com connection con_secretish");

        Assert.DoesNotContain("tenant", path);
        Assert.DoesNotContain("con_", path);
        Assert.Matches("^[0-9a-f]{64}\\.lock$", Path.GetFileName(path));
    }
}

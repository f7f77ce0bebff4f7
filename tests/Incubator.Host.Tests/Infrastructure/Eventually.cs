namespace Incubator.Host.Tests.Infrastructure;

public static class Eventually
{
    /// <summary>Asserts an effect that happens asynchronously, polling until it holds or the time is up.</summary>
    public static async Task AssertAsync(Func<Task<bool>> probe, TimeSpan timeout, string because)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await probe())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Not observed within {timeout.TotalSeconds} s: {because}");
            }

            await Task.Delay(100);
        }
    }
}

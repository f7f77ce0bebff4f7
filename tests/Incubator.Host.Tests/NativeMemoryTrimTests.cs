using System.Runtime.InteropServices;
using Incubator.Host.Infrastructure;

namespace Incubator.Host.Tests;

/// <summary>Native memory that has been freed goes back to the system (ADR 0017).</summary>
public sealed class NativeMemoryTrimTests
{
    private const int Block = 64 * 1024;
    private const int Blocks = 1024;

    [Fact]
    public void Given_freed_native_memory_between_live_blocks_When_trimmed_Then_the_process_gives_its_pages_back()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        Assert.True(NativeMemoryTrim.Supported, "Debian's glibc has malloc_trim");

        // 64 MB of touched blocks, each followed by a small live one: once the large blocks are freed, the small ones
        // keep them from merging with the top of the arena, the only part glibc gives back by itself.
        var large = new IntPtr[Blocks];
        var small = new IntPtr[Blocks];
        var content = new byte[Block];
        Array.Fill(content, (byte)1);
        for (var i = 0; i < Blocks; i++)
        {
            large[i] = Marshal.AllocHGlobal(Block);
            Marshal.Copy(content, 0, large[i], Block);
            small[i] = Marshal.AllocHGlobal(64);
        }

        try
        {
            // Measured before the blocks are freed: the hosts other tests start in this process run their own trim
            // once a second, and one of them may give the pages back between the free and the trim below.
            var held = ResidentAnonymousKb();
            foreach (var block in large)
            {
                Marshal.FreeHGlobal(block);
            }

            Assert.True(NativeMemoryTrim.Trim());
            var trimmed = ResidentAnonymousKb();

            Assert.True(held - trimmed >= 32 * 1024, $"resident anonymous memory went from {held} kB (blocks in use) to {trimmed} kB (freed and trimmed)");
        }
        finally
        {
            foreach (var block in small)
            {
                Marshal.FreeHGlobal(block);
            }
        }
    }

    private static long ResidentAnonymousKb() =>
        long.Parse(File.ReadLines("/proc/self/status").First(l => l.StartsWith("RssAnon:", StringComparison.Ordinal)).Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
}

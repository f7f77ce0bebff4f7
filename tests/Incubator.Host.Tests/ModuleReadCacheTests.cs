using Incubator.BuildingBlocks.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Host.Tests;

/// <summary>A read kept by <see cref="ModuleReadCache{TContext}"/> is served only while no write was committed since it began (ADR 0018).</summary>
public sealed class ModuleReadCacheTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("incubator-readcache-").FullName;

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class Note
    {
        public int Id { get; set; }

        public string Text { get; set; } = string.Empty;
    }

    private sealed class NotesContext(DbContextOptions<NotesContext> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();
    }

    private sealed class Reads
    {
        public int Count { get; private set; }

        /// <summary>Asks the cache for <paramref name="key"/>; a read, if the cache makes one, answers <paramref name="value"/>.</summary>
        public Task<string> ThroughAsync(ModuleReadCache<NotesContext> cache, object key, string value, Action? whileReading = null) =>
            cache.GetOrReadAsync(key, _ =>
            {
                Count++;
                whileReading?.Invoke();
                return Task.FromResult(value);
            }, CancellationToken.None);
    }

    private static (ModuleWrites<NotesContext> Writes, ModuleReadCache<NotesContext> Cache, Reads Reads) Kept(
        DatabaseProvider provider = DatabaseProvider.Sqlite, bool cacheReads = true)
    {
        var writes = new ModuleWrites<NotesContext>();
        return (writes, new ModuleReadCache<NotesContext>(writes, new DatabaseOptions { Provider = provider, CacheReads = cacheReads }), new Reads());
    }

    [Fact]
    public async Task Given_no_write_since_a_read_When_read_again_Then_kept_and_after_a_write_read_anew()
    {
        var (writes, cache, reads) = Kept();

        Assert.Equal("a", await reads.ThroughAsync(cache, "k", "a"));
        Assert.Equal("a", await reads.ThroughAsync(cache, "k", "b"));
        Assert.Equal(1, reads.Count);

        writes.Committed();
        Assert.Equal("c", await reads.ThroughAsync(cache, "k", "c"));
        Assert.Equal(2, reads.Count);
    }

    [Fact]
    public async Task Given_a_write_committed_while_reading_When_read_again_Then_read_anew()
    {
        var (writes, cache, reads) = Kept();

        await reads.ThroughAsync(cache, "k", "old", writes.Committed);
        Assert.Equal("new", await reads.ThroughAsync(cache, "k", "new"));
        Assert.Equal(2, reads.Count);
    }

    [Theory]
    [InlineData(DatabaseProvider.SqlServer, true)] // other hosts may write
    [InlineData(DatabaseProvider.Sqlite, false)] // switched off
    public async Task Given_other_writers_or_the_setting_off_When_read_twice_Then_read_twice(DatabaseProvider provider, bool cacheReads)
    {
        var (_, cache, reads) = Kept(provider, cacheReads);

        await reads.ThroughAsync(cache, "k", "a");
        await reads.ThroughAsync(cache, "k", "a");

        Assert.False(cache.Enabled);
        Assert.Equal(2, reads.Count);
    }

    [Fact]
    public async Task Given_more_keys_than_its_capacity_When_read_Then_it_keeps_at_most_its_capacity()
    {
        var (writes, cache, reads) = Kept();
        for (var i = 0; i < 3 * ModuleReadCache<NotesContext>.Capacity; i++)
        {
            if (i % 10 == 0)
            {
                writes.Committed();
            }

            await reads.ThroughAsync(cache, i, "v");
            Assert.InRange(cache.Count, 1, ModuleReadCache<NotesContext>.Capacity);
        }
    }

    [Fact]
    public async Task Given_a_sqlite_context_When_it_queries_and_writes_Then_only_committed_writes_are_counted()
    {
        var writes = 0;
        var options = new DbContextOptionsBuilder<NotesContext>()
            .UseSqlite($"Data Source={Path.Combine(_directory, "notes.db")}")
            .AddInterceptors(new ModuleWritesInterceptor(() => writes++))
            .Options;
        await using var db = new NotesContext(options);
        await db.Database.EnsureCreatedAsync();
        writes = 0;

        await db.Notes.CountAsync();
        await db.Notes.ToListAsync();
        Assert.Equal(0, writes);

        // A save of one row outside a transaction: INSERT … RETURNING, committed when its reader is done.
        db.Database.AutoTransactionBehavior = AutoTransactionBehavior.Never;
        db.Notes.Add(new Note { Text = "un" });
        await db.SaveChangesAsync();
        Assert.Equal(1, writes);

        // ExecuteUpdate, SQLite's autocommit.
        await db.Notes.ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, "deux"));
        Assert.Equal(2, writes);

        // In a transaction, only the commit counts: a read that begins before it must not be kept past it.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Notes.Add(new Note { Text = "trois" });
            await db.SaveChangesAsync();
            await db.Notes.ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, "quatre"));
            Assert.Equal(2, writes);
            await transaction.CommitAsync();
            Assert.Equal(3, writes);
        }

        Assert.True(ModuleWritesInterceptor.IsWrite("  update \"Notes\" set x = 1"));
        Assert.True(ModuleWritesInterceptor.IsWrite("PRAGMA foreign_keys=ON;"));
        Assert.False(ModuleWritesInterceptor.IsWrite("\n SELECT COUNT(*) FROM \"Notes\""));
    }
}

namespace Incubator.BuildingBlocks.Persistence;

/// <summary>
/// Uploaded files, stored under a name the server chooses (never the uploader's file name), in the
/// data folder: <c>{DataDirectory}/uploads/{area}/{guid}</c>.
/// </summary>
public interface IFileStore
{
    Task<string> SaveAsync(string area, Stream content, CancellationToken cancellationToken);

    Stream? OpenRead(string area, string storedName);

    void Delete(string area, string storedName);
}

internal sealed class LocalFileStore(DatabaseOptions options) : IFileStore
{
    public async Task<string> SaveAsync(string area, Stream content, CancellationToken cancellationToken)
    {
        var name = Guid.NewGuid().ToString("N");
        var folder = Folder(area);
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, name + ".part");
        await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            await content.CopyToAsync(file, cancellationToken);
            await file.FlushAsync(cancellationToken);
        }

        File.Move(temporary, Path.Combine(folder, name));
        return name;
    }

    public Stream? OpenRead(string area, string storedName)
    {
        var path = PathOf(area, storedName);
        return path is not null && File.Exists(path) ? File.OpenRead(path) : null;
    }

    public void Delete(string area, string storedName)
    {
        if (PathOf(area, storedName) is { } path && File.Exists(path))
        {
            File.Delete(path);
        }
    }

    private string Folder(string area) => Path.Combine(Path.GetFullPath(options.DataDirectory), "uploads", area);

    /// <summary>Only names this store made (32 hex digits): nothing else can become a path.</summary>
    private string? PathOf(string area, string storedName) =>
        storedName.Length == 32 && storedName.All(Uri.IsHexDigit) ? Path.Combine(Folder(area), storedName) : null;
}

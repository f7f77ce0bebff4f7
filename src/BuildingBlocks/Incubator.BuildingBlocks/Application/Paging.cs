namespace Incubator.BuildingBlocks.Application;

/// <summary>One page of a server-side paged list, as every list of the API answers it.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int Page, int PageSize, int Total)
{
    public int PageCount => PageSize == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}

public readonly record struct PageRequest(int Page, int PageSize)
{
    public const int MaxPageSize = 200;

    public static PageRequest Of(int? page, int? pageSize, int defaultPageSize = 50) =>
        new(Math.Max(1, page ?? 1), Math.Clamp(pageSize ?? defaultPageSize, 1, MaxPageSize));

    public int Skip => (Page - 1) * PageSize;
}

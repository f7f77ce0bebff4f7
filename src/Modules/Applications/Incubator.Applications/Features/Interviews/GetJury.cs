using Incubator.Applications.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Applications.Features;

internal sealed record GetJury(Guid SeasonId) : IRequest<IReadOnlyList<JuryMemberDto>>;

internal sealed class GetJuryHandler(ApplicationsDbContext db, InterviewAccess access) : IRequestHandler<GetJury, IReadOnlyList<JuryMemberDto>>
{
    public async Task<IReadOnlyList<JuryMemberDto>> Handle(GetJury request, CancellationToken cancellationToken)
    {
        await access.EnsureLeadOrJuryAsync(request.SeasonId, cancellationToken);
        return (await db.JuryMembers.AsNoTracking().Where(j => j.SeasonId == request.SeasonId).ToListAsync(cancellationToken))
            .OrderBy(j => j.Name, StringComparer.CurrentCulture)
            .Select(j => new JuryMemberDto(j.Id, j.Name, j.Organisation, j.UserId))
            .ToList();
    }
}

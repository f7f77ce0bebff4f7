using FluentValidation;
using Incubator.BuildingBlocks.Application;
using Incubator.Seasons.Domain;
using Incubator.Seasons.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;

namespace Incubator.Seasons.Features.Programs;

/// <param name="Version">Sent back as <c>If-Match</c> (the answer's ETag) so that a change never overwrites another.</param>
public sealed record ProgramDto(Guid Id, string Name, string Territory, IReadOnlyList<string> PartnerStructures, int SeasonCount, Guid Version);

internal sealed record SaveProgram(Guid? Id, string? Name, string? Territory, IReadOnlyList<string>? PartnerStructures) : IRequest<ProgramDto>;

internal sealed class SaveProgramValidator : AbstractValidator<SaveProgram>
{
    public SaveProgramValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(200);
        RuleFor(r => r.Territory).NotEmpty().MaximumLength(200);
        RuleForEach(r => r.PartnerStructures).MaximumLength(200);
        RuleFor(r => r.PartnerStructures).Must(p => p is null || p.Count <= 20).WithMessage("20 partner structures at most.");
    }
}

internal sealed class SaveProgramHandler(SeasonsDbContext db, TimeProvider time) : IRequestHandler<SaveProgram, ProgramDto>
{
    public async Task<ProgramDto> Handle(SaveProgram request, CancellationToken cancellationToken)
    {
        AccompanimentProgram program;
        if (request.Id is { } id)
        {
            program = await db.Programs.FirstOrDefaultAsync(p => p.Id == id, cancellationToken)
                ?? throw new NotFoundException(Texts.L("Programme introuvable.", "Program not found."));
            program.Rename(request.Name!, request.Territory!, request.PartnerStructures ?? []);
        }
        else
        {
            program = AccompanimentProgram.Create(request.Name!, request.Territory!, request.PartnerStructures ?? [], time.GetUtcNow());
            db.Programs.Add(program);
        }

        await db.SaveChangesAsync(cancellationToken);
        var seasons = await db.Seasons.CountAsync(s => s.ProgramId == program.Id, cancellationToken);
        return new ProgramDto(program.Id, program.Name, program.Territory, program.PartnerStructures, seasons, program.Version);
    }
}

internal sealed record ListPrograms : IRequest<IReadOnlyList<ProgramDto>>;

internal sealed class ListProgramsHandler(SeasonsDbContext db) : IRequestHandler<ListPrograms, IReadOnlyList<ProgramDto>>
{
    public async Task<IReadOnlyList<ProgramDto>> Handle(ListPrograms request, CancellationToken cancellationToken) =>
        await db.Programs.AsNoTracking()
            .OrderBy(p => p.Name)
            .Select(p => new ProgramDto(p.Id, p.Name, p.Territory, p.PartnerStructures, db.Seasons.Count(s => s.ProgramId == p.Id), p.Version))
            .ToListAsync(cancellationToken);
}

internal sealed record GetProgram(Guid Id) : IRequest<ProgramDto>;

internal sealed class GetProgramHandler(SeasonsDbContext db) : IRequestHandler<GetProgram, ProgramDto>
{
    public async Task<ProgramDto> Handle(GetProgram request, CancellationToken cancellationToken) =>
        await db.Programs.AsNoTracking()
            .Where(p => p.Id == request.Id)
            .Select(p => new ProgramDto(p.Id, p.Name, p.Territory, p.PartnerStructures, db.Seasons.Count(s => s.ProgramId == p.Id), p.Version))
            .FirstOrDefaultAsync(cancellationToken)
        ?? throw new NotFoundException(Texts.L("Programme introuvable.", "Program not found."));
}

using FluentValidation;
using Incubator.BuildingBlocks.Application;
using Incubator.Funding.Domain;
using Incubator.Funding.Persistence;
using MediatR;
using Microsoft.EntityFrameworkCore;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Funding.Features;

internal sealed record AddFunder(FunderInput Input) : IRequest<FunderDto>;

internal sealed class AddFunderValidator : AbstractValidator<AddFunder>
{
    public AddFunderValidator()
    {
        RuleFor(r => r.Input.Name).NotEmpty().MaximumLength(200).OverridePropertyName("name");
        RuleFor(r => r.Input.Kind).NotEmpty().IsEnumName(typeof(FunderKind), caseSensitive: false).OverridePropertyName("kind");
        RuleForEach(r => r.Input.Contacts).ChildRules(c =>
        {
            c.RuleFor(x => x.Name).NotEmpty().MaximumLength(200);
            c.RuleFor(x => x.Role).MaximumLength(200);
            c.RuleFor(x => x.Email).MaximumLength(320).EmailAddress().When(x => !string.IsNullOrWhiteSpace(x.Email));
            c.RuleFor(x => x.Phone).MaximumLength(40);
        }).OverridePropertyName("contacts");
    }
}

internal sealed class AddFunderHandler(FundingDbContext db, TimeProvider time) : IRequestHandler<AddFunder, FunderDto>
{
    public async Task<FunderDto> Handle(AddFunder request, CancellationToken cancellationToken)
    {
        var input = request.Input;
        var name = input.Name!.Trim();
        if ((await db.Funders.AsNoTracking().Select(f => f.Name).ToListAsync(cancellationToken)).Any(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase)))
        {
            throw new DomainException(L("Ce financeur existe déjà.", "This funder already exists."), "name");
        }

        var contacts = (input.Contacts ?? []).Select(c => new FunderContact(c.Name!.Trim(), Clean(c.Role), Clean(c.Email), Clean(c.Phone))).ToList();
        var funder = new Funder(name, Enum.Parse<FunderKind>(input.Kind!, ignoreCase: true), contacts, time.GetUtcNow());
        db.Funders.Add(funder);
        await db.SaveChangesAsync(cancellationToken);
        return FundingMapping.ToDto(funder);
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

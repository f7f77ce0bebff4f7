using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Messaging;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Seasons.Domain;

/// <summary>A recurring accompaniment program on a territory ("programme d'accompagnement").</summary>
internal sealed class AccompanimentProgram : AggregateRoot
{
    private AccompanimentProgram()
    {
        Name = string.Empty;
        Territory = string.Empty;
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; }

    public string Territory { get; private set; }

    public List<string> PartnerStructures { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    public static AccompanimentProgram Create(string name, string territory, IEnumerable<string> partnerStructures, DateTimeOffset now)
    {
        var program = new AccompanimentProgram { Id = Guid.NewGuid(), CreatedAt = now };
        program.Rename(name, territory, partnerStructures);
        return program;
    }

    public void Rename(string name, string territory, IEnumerable<string> partnerStructures)
    {
        Name = Required(name, nameof(Name), 200);
        Territory = Required(territory, nameof(Territory), 200);
        PartnerStructures = partnerStructures
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (PartnerStructures.Any(p => p.Length > 200))
        {
            throw new DomainException(L("Une structure partenaire a un nom de plus de 200 caractères.", "A partner structure's name is longer than 200 characters."), "partnerStructures");
        }
    }

    internal static string Required(string value, string field, int maxLength)
    {
        var camel = char.ToLowerInvariant(field[0]) + field[1..];
        var trimmed = value.Trim();
        if (trimmed.Length == 0)
        {
            throw new DomainException(L("Ce champ est obligatoire.", "This field is required."), camel);
        }

        if (trimmed.Length > maxLength)
        {
            throw new DomainException(L($"{maxLength} caractères au plus.", $"At most {maxLength} characters."), camel);
        }

        return trimmed;
    }
}

using Incubator.BuildingBlocks.Application;

namespace Incubator.Host.Mail;

/// <summary>What several mails write the same way: the site's address for their links, and a time span in both languages.</summary>
internal static class MailText
{
    /// <summary><c>Incubator:PublicUrl</c>, the address people reach the site at (http://localhost:5000 by default), without a trailing slash.</summary>
    public static string Site(IConfiguration configuration) => (configuration["Incubator:PublicUrl"] ?? "http://localhost:5000").TrimEnd('/');

    /// <summary>"le 14/01/2027 de 18:00 à 19:30 (heure de Paris)" and "on 2027-01-14 from 18:00 to 19:30 (Paris time)".</summary>
    public static (string French, string English) Span(DateTimeOffset startsAt, DateTimeOffset endsAt)
    {
        var (start, end) = (ParisTime.ToLocal(startsAt), ParisTime.ToLocal(endsAt));
        return ($"le {start:dd/MM/yyyy} de {start:HH:mm} à {end:HH:mm} (heure de Paris)", $"on {start:yyyy-MM-dd} from {start:HH:mm} to {end:HH:mm} (Paris time)");
    }
}

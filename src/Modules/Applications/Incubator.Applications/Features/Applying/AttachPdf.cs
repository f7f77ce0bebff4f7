using Incubator.Applications.Persistence;
using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Persistence;
using MediatR;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

/// <summary>The project's PDF: at most 10 MB, checked by its content, stored under a name the server chooses.</summary>
internal sealed record AttachPdf(Guid ApplicationId, string FileName, long Length, Stream Content) : IRequest<ApplicationDto>
{
    public const long MaxBytes = 10 * 1024 * 1024;

    /// <summary>Where the application PDFs are kept in the file store.</summary>
    public const string Area = "applications";
}

internal sealed class AttachPdfHandler(ApplicationsDbContext db, ApplicationAccess access, TimeProvider time, IFileStore files) : IRequestHandler<AttachPdf, ApplicationDto>
{
    public async Task<ApplicationDto> Handle(AttachPdf request, CancellationToken cancellationToken)
    {
        if (request.Length > AttachPdf.MaxBytes)
        {
            throw new PayloadTooLargeException(L("Le PDF dépasse 10 Mo.", "The PDF is larger than 10 MB."));
        }

        var application = await access.MineAsync(request.ApplicationId, cancellationToken);
        var header = new byte[5];
        var read = await request.Content.ReadAtLeastAsync(header, header.Length, throwOnEndOfStream: false, cancellationToken);
        if (read < header.Length || !header.AsSpan().SequenceEqual("%PDF-"u8))
        {
            throw new DomainException(L("Ce fichier n'est pas un PDF.", "This file is not a PDF."), "file");
        }

        request.Content.Position = 0;
        var stored = await files.SaveAsync(AttachPdf.Area, request.Content, cancellationToken);
        var previous = application.Attach(request.FileName, stored, request.Length, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        if (previous is not null)
        {
            files.Delete(AttachPdf.Area, previous);
        }

        return ApplicationDto.From(application);
    }
}

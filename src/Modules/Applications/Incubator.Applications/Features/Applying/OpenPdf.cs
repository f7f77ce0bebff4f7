using Incubator.BuildingBlocks.Application;
using Incubator.BuildingBlocks.Persistence;
using MediatR;
using static Incubator.BuildingBlocks.Application.Texts;

namespace Incubator.Applications.Features;

/// <summary>The PDF for its owner, program leads, and reviewers who declared no conflict.</summary>
internal sealed record OpenPdf(Guid ApplicationId) : IRequest<(Stream Content, string FileName)>;

internal sealed class OpenPdfHandler(ApplicationAccess access, IFileStore files) : IRequestHandler<OpenPdf, (Stream Content, string FileName)>
{
    public async Task<(Stream Content, string FileName)> Handle(OpenPdf request, CancellationToken cancellationToken)
    {
        var (application, _) = await access.ReadableAsync(request.ApplicationId, cancellationToken);
        var content = application.AttachmentStoredName is { } stored ? files.OpenRead(AttachPdf.Area, stored) : null;
        return content is null
            ? throw new NotFoundException(L("Aucun PDF joint.", "No PDF attached."))
            : (content, application.AttachmentName ?? "document.pdf");
    }
}

using System.Net.Http.Headers;
using System.Text;

namespace Incubator.Host.Tests.Infrastructure;

/// <summary>A small real PDF, and the multipart body that uploads a file.</summary>
public static class Uploads
{
    public static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    public static MultipartFormDataContent File(byte[] bytes, string fileName, string contentType = "application/pdf")
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, "file", fileName } };
    }

    public static MultipartFormDataContent PdfUpload() => File(Pdf, "dossier.pdf");
}

using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Incubator.Host.Tests.Infrastructure;

/// <summary>A browser without JavaScript: keeps cookies, reads antiforgery tokens, posts forms.</summary>
public sealed partial class PageClient(IncubatorFactory factory, string language = "fr")
{
    private readonly HttpClient _http = CreateHttp(factory, language);

    private static HttpClient CreateHttp(IncubatorFactory factory, string language)
    {
        var http = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        http.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        http.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return http;
    }

    public string? LastToken { get; private set; }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        var response = await _http.GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();
        if (TokenPattern().Match(html) is { Success: true } match)
        {
            LastToken = WebUtility.HtmlDecode(match.Groups[1].Value);
        }

        return (response.StatusCode, WebUtility.HtmlDecode(html));
    }

    /// <summary>Opens the page holding the form, then posts it with its token.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string pageUrl, string action, IDictionary<string, string> fields)
    {
        await GetAsync(pageUrl);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = LastToken ?? string.Empty };
        return await _http.PostAsync(action, new FormUrlEncodedContent(form));
    }

    public static async Task<string> TextAsync(HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public async Task SignInAsync(string email, string password)
    {
        var response = await SubmitAsync("/account/login", "/account/login", new Dictionary<string, string> { ["Email"] = email, ["Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

using System.Net;
using System.Text;

namespace CareReady.Core.Notifications;

/// <summary>An email ready to queue: subject, HTML and the plain-text alternative.</summary>
public sealed record RenderedEmail(string Subject, string Html, string Text);

/// <summary>
/// The one email layout, in the NHS.UK look: NHS blue header with the service name, Frutiger/Arial
/// text, a single call to action, and a plain-text twin. Styles are inline (mail clients drop
/// style sheets); the layout table is marked presentational; the text is left-aligned at 16–19px
/// with 4.5:1 contrast or better. Only what the recipient needs goes in: no employee numbers.
/// </summary>
public static class EmailTemplate
{
    private const string Blue = "#005eb8";
    private const string Text = "#212b32";
    private const string Grey = "#4c6272";
    private const string Fonts = "Frutiger W01, Frutiger, Arial, Helvetica, sans-serif";

    public static RenderedEmail Render(string organisationName, string title, IReadOnlyList<string> paragraphs, string? link, string? linkText, string? linkBaseUrl)
    {
        ArgumentNullException.ThrowIfNull(paragraphs);
        var url = AbsoluteUrl(link, linkBaseUrl);
        var action = linkText ?? "Open CareReady";
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en-GB\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(E(title)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:0;background-color:#f0f4f5;font-family:").Append(Fonts).Append(";color:").Append(Text).Append(";\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"background-color:#f0f4f5;\"><tr><td align=\"center\" style=\"padding:0;\">")
            .Append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:600px;\">")
            .Append("<tr><td style=\"background-color:").Append(Blue).Append(";padding:16px 24px;\">")
            .Append("<span style=\"display:inline-block;background-color:#ffffff;color:").Append(Blue).Append(";font-weight:bold;font-size:18px;line-height:1;padding:4px 6px;font-family:").Append(Fonts).Append(";\">NHS</span>")
            .Append("<span style=\"color:#ffffff;font-size:19px;font-weight:bold;padding-left:12px;font-family:").Append(Fonts).Append(";\">CareReady</span>")
            .Append("<div style=\"color:#ffffff;font-size:14px;padding-top:6px;font-family:").Append(Fonts).Append(";\">").Append(E(organisationName)).Append("</div>")
            .Append("</td></tr>")
            .Append("<tr><td style=\"background-color:#ffffff;padding:24px;\">")
            .Append("<h1 style=\"margin:0 0 16px 0;font-size:26px;line-height:1.25;color:").Append(Text).Append(";font-family:").Append(Fonts).Append(";\">").Append(E(title)).Append("</h1>");
        foreach (var p in paragraphs)
        {
            html.Append("<p style=\"margin:0 0 16px 0;font-size:17px;line-height:1.5;color:").Append(Text).Append(";font-family:").Append(Fonts).Append(";\">").Append(E(p)).Append("</p>");
        }

        if (url is not null)
        {
            html.Append("<p style=\"margin:24px 0 8px 0;\"><a href=\"").Append(E(url)).Append("\" style=\"display:inline-block;background-color:#007f3b;color:#ffffff;font-size:17px;font-weight:bold;text-decoration:none;padding:12px 16px;border-radius:4px;border-bottom:4px solid #00401e;font-family:").Append(Fonts).Append(";\">")
                .Append(E(action)).Append("</a></p>");
        }

        html.Append("</td></tr>")
            .Append("<tr><td style=\"padding:16px 24px;font-size:14px;line-height:1.5;color:").Append(Grey).Append(";font-family:").Append(Fonts).Append(";\">")
            .Append("You get this email because you work for ").Append(E(organisationName)).Append(". You can choose which emails you get under Notifications in CareReady; notices stay in CareReady either way.")
            .Append("</td></tr></table></td></tr></table></body></html>");

        var text = new StringBuilder();
        text.Append("CareReady – ").Append(organisationName).Append("\r\n\r\n").Append(title).Append("\r\n\r\n");
        foreach (var p in paragraphs)
        {
            text.Append(p).Append("\r\n\r\n");
        }

        if (url is not null)
        {
            text.Append(action).Append(": ").Append(url).Append("\r\n\r\n");
        }

        text.Append("You get this email because you work for ").Append(organisationName)
            .Append(". You can choose which emails you get under Notifications in CareReady; notices stay in CareReady either way.\r\n");
        return new RenderedEmail(title, html.ToString(), text.ToString());
    }

    private static string? AbsoluteUrl(string? link, string? baseUrl)
    {
        if (string.IsNullOrEmpty(link))
        {
            return null;
        }

        if (Uri.TryCreate(link, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
        {
            return absolute.ToString();
        }

        return string.IsNullOrWhiteSpace(baseUrl) ? null : baseUrl.TrimEnd('/') + "/" + link.TrimStart('/');
    }

    private static string E(string s) => WebUtility.HtmlEncode(s);
}

using System.Globalization;
using Microsoft.Extensions.Localization;
using Mirae.Web.Features.Calls;
using Mirae.Web.Infrastructure;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;

namespace Mirae.Web.Features.Applications;

/// <summary>
/// The receipt of a submitted application (접수증) and the application as submitted, as lines a page or a PDF lays out:
/// the receipt's facts, then every answered question, then the attached files with their SHA-256 fingerprints.
/// </summary>
public static class ApplicationReceipt
{
    /// <summary>One line of the receipt: a heading, or a label and its value.</summary>
    public sealed record Line(string Label, string Value, bool Heading = false);

    public static IReadOnlyList<Line> Lines(GetApplication.Details a, IStringLocalizer text, DateTimeOffset issuedAt)
    {
        var c = a.Call;
        var lines = new List<Line>
        {
            new(text["Receipt.Facts"], "", Heading: true),
            new(text["Application.ReceiptNumber"], a.ReceiptNumber ?? "-"),
            new(text["Receipt.Call"], Language.Pick(c.TitleKo, c.TitleEn)),
            new(text["Receipt.Applicant"], $"{Language.Pick(a.Organization.NameKo, a.Organization.NameEn)} ({Accounts.BusinessNumber.Format(a.Organization.BusinessNumber)})"),
            new(text["Receipt.SubmittedAt"], a.SubmittedAt is { } at ? Kst.DateTimeSeconds(at) + " (KST)" : "-"),
            new(text["Receipt.Amount"], a.RequestedAmount is { } amount ? Money.Won(amount) : "-"),
            new(text["Receipt.Status"], text["ApplicationStatus." + a.Status]),
            new(text["Receipt.Issued"], Kst.DateTimeSeconds(issuedAt) + " (KST)"),
            new(text["ApplicationPage.Answers"], "", Heading: true),
        };
        foreach (var field in ApplicationForm.Visible(c.Form, a.Answers).SelectMany(s => s.Fields).Where(f => f.Type != FieldType.File))
        {
            var answer = a.Answers.GetValueOrDefault(field.Key, "");
            lines.Add(new Line(Language.Pick(field.LabelKo, field.LabelEn), answer.Length == 0 ? "-" : ApplicationForm.Display(field, answer)));
        }
        lines.Add(new Line(text["ApplicationPage.Files"], "", Heading: true));
        foreach (var slot in ApplicationForm.FileSlots(c.Form, c.RequiredDocuments))
        {
            var files = a.Attachments.Where(f => f.FieldKey == slot.Key).ToList();
            lines.Add(new Line(Language.Pick(slot.LabelKo, slot.LabelEn), files.Count == 0 ? "-" : string.Join("\n", files.Select(f =>
                string.Create(CultureInfo.InvariantCulture, $"{f.FileName} ({f.Length / 1024.0:N0} KB)\nSHA-256 {f.Sha256.ToLowerInvariant()}")))));
        }
        return lines;
    }

    /// <summary>The receipt as an A4 PDF with NanumGothic embedded (<paramref name="fontFolder"/> holds its TrueType files).</summary>
    public static byte[] Pdf(string title, IReadOnlyList<Line> lines, string footer, string fontFolder)
    {
        Fonts.Use(fontFolder);
        using var document = new PdfDocument();
        document.Info.Title = title;
        document.Info.Creator = "Mirae";
        var regular = new XFont(Fonts.Family, 10, XFontStyleEx.Regular);
        var bold = new XFont(Fonts.Family, 10, XFontStyleEx.Bold);
        var heading = new XFont(Fonts.Family, 12, XFontStyleEx.Bold);
        var big = new XFont(Fonts.Family, 18, XFontStyleEx.Bold);
        const double margin = 50, labelWidth = 130, lineHeight = 15;
        PdfPage page = null!;
        XGraphics gfx = null!;
        double y = 0, width = 0, bottom = 0;
        void NewPage()
        {
            gfx?.Dispose();
            page = document.AddPage();
            page.Width = XUnit.FromMillimeter(210);
            page.Height = XUnit.FromMillimeter(297);
            gfx = XGraphics.FromPdfPage(page);
            (y, width, bottom) = (margin, page.Width.Point - 2 * margin, page.Height.Point - margin - 20);
            gfx.DrawString(footer, regular, XBrushes.Gray, new XPoint(margin, page.Height.Point - margin + 5));
        }
        NewPage();
        gfx.DrawString(title, big, XBrushes.Black, new XPoint(margin, y + 18));
        y += 40;
        foreach (var line in lines)
        {
            if (line.Heading)
            {
                if (y + 40 > bottom)
                {
                    NewPage();
                }
                y += 10;
                gfx.DrawString(line.Label, heading, XBrushes.Black, new XPoint(margin, y + 12));
                y += 18;
                gfx.DrawLine(XPens.Black, margin, y, margin + width, y);
                y += 6;
                continue;
            }
            var labels = Wrap(gfx, line.Label, bold, labelWidth - 8);
            var values = Wrap(gfx, line.Value, regular, width - labelWidth);
            for (var i = 0; i < Math.Max(labels.Count, values.Count); i++)
            {
                if (y + lineHeight > bottom)
                {
                    NewPage();
                }
                if (i < labels.Count)
                {
                    gfx.DrawString(labels[i], bold, XBrushes.Black, new XPoint(margin, y + 11));
                }
                if (i < values.Count)
                {
                    gfx.DrawString(values[i], regular, XBrushes.Black, new XPoint(margin + labelWidth, y + 11));
                }
                y += lineHeight;
            }
            y += 4;
        }
        gfx.Dispose();
        using var stream = new MemoryStream();
        document.Save(stream, closeStream: false);
        return stream.ToArray();
    }

    /// <summary>The text in lines no wider than <paramref name="width"/>: by words, and by characters within a word too long (Korean runs often are).</summary>
    private static List<string> Wrap(XGraphics gfx, string text, XFont font, double width)
    {
        var lines = new List<string>();
        foreach (var paragraph in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var current = "";
            foreach (var word in paragraph.Split(' '))
            {
                var candidate = current.Length == 0 ? word : current + " " + word;
                if (gfx.MeasureString(candidate, font).Width <= width)
                {
                    current = candidate;
                    continue;
                }
                if (current.Length > 0)
                {
                    lines.Add(current);
                }
                current = "";
                foreach (var ch in word)
                {
                    if (current.Length > 0 && gfx.MeasureString(current + ch, font).Width > width)
                    {
                        lines.Add(current);
                        current = "";
                    }
                    current += ch;
                }
            }
            lines.Add(current);
        }
        return lines;
    }

    /// <summary>NanumGothic for PDFsharp, which has no system fonts on Linux: read once from the folder the build copies it to.</summary>
    private sealed class Fonts : IFontResolver
    {
        public const string Family = "NanumGothic";
        private static readonly Lock Gate = new();
        private static bool _set;
        private readonly byte[] _regular;
        private readonly byte[] _bold;

        private Fonts(string folder) =>
            (_regular, _bold) = (File.ReadAllBytes(Path.Combine(folder, "NanumGothic_400Regular.ttf")), File.ReadAllBytes(Path.Combine(folder, "NanumGothic_700Bold.ttf")));

        public static void Use(string folder)
        {
            lock (Gate)
            {
                if (!_set)
                {
                    GlobalFontSettings.FontResolver = new Fonts(folder);
                    _set = true;
                }
            }
        }

        public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) => new(bold ? "NanumGothic-Bold" : "NanumGothic-Regular");

        public byte[]? GetFont(string faceName) => faceName == "NanumGothic-Bold" ? _bold : _regular;
    }
}

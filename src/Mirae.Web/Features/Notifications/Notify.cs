using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Notifications;

/// <summary>Puts notifications in members' inboxes as part of the caller's unit of work (the caller saves).</summary>
public sealed class Notify(AppDbContext db, TimeProvider clock)
{
    /// <summary>One notification, for each of <see cref="Recipients"/>; <see cref="Key"/> names the fact it is about.</summary>
    public sealed record Message(IReadOnlyCollection<Guid> Recipients, string Key, string MessageKey, string? Link, IReadOnlyList<string> Arguments);

    private const char Separator = '\u001F';

    /// <summary>
    /// An argument with a Korean and an English form (a call's title, an organization's or product's name): stored as
    /// both, and shown in the reader's language (<see cref="InReaderLanguage"/>), in the inbox, the API and the e-mail.
    /// </summary>
    public static string Both(string korean, string? english) =>
        string.IsNullOrWhiteSpace(english) || english == korean ? korean : korean + Separator + english;

    /// <summary>The arguments as the reader reads them: of each <see cref="Both"/>, the form of the current UI language.</summary>
    public static object[] InReaderLanguage(IEnumerable<string> arguments) =>
        arguments.Select(a => a.IndexOf(Separator) is var i and >= 0 ? Infrastructure.Language.Pick(a[..i], a[(i + 1)..]) : a).ToArray<object>();

    public Task<int> AddAsync(IReadOnlyCollection<Guid> recipients, string key, string messageKey, string? link, IReadOnlyList<string> arguments,
        CancellationToken cancellationToken = default) =>
        AddAsync([new Message(recipients, key, messageKey, link, arguments)], cancellationToken);

    /// <summary>
    /// Adds each message for each recipient who does not have one with its key yet (saved, or added earlier in this
    /// unit of work), looking the existing ones up in one query; returns how many were added.
    /// </summary>
    public async Task<int> AddAsync(IReadOnlyList<Message> messages, CancellationToken cancellationToken = default)
    {
        var wanted = messages.Where(m => m.Recipients.Count > 0).ToList();
        if (wanted.Count == 0)
        {
            return 0;
        }
        var keys = wanted.Select(m => m.Key).Distinct().ToList();
        var existing = (await db.Notifications.Where(n => keys.Contains(n.Key)).Select(n => new { n.Key, n.RecipientId }).ToListAsync(cancellationToken))
            .Select(n => (n.Key, n.RecipientId))
            .Concat(db.Notifications.Local.Select(n => (n.Key, n.RecipientId)))
            .ToHashSet();
        var now = clock.GetUtcNow();
        var added = 0;
        foreach (var message in wanted)
        {
            foreach (var recipient in message.Recipients.Where(r => existing.Add((message.Key, r))))
            {
                db.Notifications.Add(Notification.Create(recipient, message.Key, message.MessageKey, message.Arguments, message.Link, now));
                added++;
            }
        }
        return added;
    }
}

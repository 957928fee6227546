using Microsoft.EntityFrameworkCore;
using Mirae.Web.Data;

namespace Mirae.Web.Features.Faq;

/// <summary>The questions in the reader's language, by category and position; optionally only those that mention every word of a query.</summary>
public sealed class ListFaq(AppDbContext db)
{
    public sealed record Row(int Id, FaqCategory Category, string Question, string Answer);

    public async Task<IReadOnlyList<Row>> HandleAsync(string? query, bool english, CancellationToken cancellationToken = default)
    {
        // A few dozen short entries: read them all and match in memory, in the reader's language.
        var rows = await db.FaqEntries.AsNoTracking().OrderBy(f => f.Category).ThenBy(f => f.Position).ThenBy(f => f.Id)
            .Select(f => new Row(f.Id, f.Category, english ? f.QuestionEn : f.QuestionKo, english ? f.AnswerEn : f.AnswerKo))
            .ToListAsync(cancellationToken);
        var words = (query ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return words.Length == 0
            ? rows
            : rows.Where(r => words.All(w => r.Question.Contains(w, StringComparison.OrdinalIgnoreCase) || r.Answer.Contains(w, StringComparison.OrdinalIgnoreCase)))
                .ToList();
    }
}

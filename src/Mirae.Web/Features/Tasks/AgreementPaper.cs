using System.Globalization;
using Microsoft.Extensions.Localization;
using Mirae.Web.Features.Applications;
using Mirae.Web.Infrastructure;

namespace Mirae.Web.Features.Tasks;

/// <summary>An agreement version as an A4 PDF (협약서): the parties, the terms as issued, the budget by category, the tranches and both acceptances.</summary>
public static class AgreementPaper
{
    public static byte[] Pdf(ReadTasks.Details task, ReadTasks.AgreementRow agreement, IStringLocalizer text, string fontFolder)
    {
        var terms = agreement.Terms;
        var t = task.Task;
        var lines = new List<ApplicationReceipt.Line>
        {
            new(text["Agreement.Parties"], "", Heading: true),
            new(text["Task.Number"], $"{terms.TaskNumber} (v{agreement.Number})"),
            new(text["Task.Title"], terms.TitleKo),
            new(text["Task.Goal"], terms.Goal.Length > 0 ? terms.Goal : "-"),
            new(text["Task.Organization"], $"{Language.Pick(t.OrganizationKo, t.OrganizationEn)} ({Accounts.BusinessNumber.Format(t.BusinessNumber)})"),
            new(text["Task.Call"], Language.Pick(t.CallTitleKo, t.CallTitleEn)),
            new(text["Task.Period"], $"{terms.StartsOn:yyyy-MM-dd} ~ {terms.EndsOn:yyyy-MM-dd}"),
            new(text["Task.Grant"], Money.Won(terms.Grant)),
            new(text["Task.Budget"], "", Heading: true),
        };
        foreach (var line in terms.Budget)
        {
            lines.Add(new(text["ExpenseCategory." + line.Category],
                text["Agreement.BudgetLine", Money.Won(line.Grant), Money.Won(line.OwnCash), Money.Won(line.OwnInKind), Money.Won(line.Total)]));
        }
        lines.Add(new(text["Task.Total"], text["Agreement.BudgetLine", Money.Won(terms.Budget.Sum(b => b.Grant)), Money.Won(terms.Budget.Sum(b => b.OwnCash)),
            Money.Won(terms.Budget.Sum(b => b.OwnInKind)), Money.Won(terms.Budget.Sum(b => b.Total))]));
        lines.Add(new(text["Task.Installments"], "", Heading: true));
        foreach (var i in terms.Installments)
        {
            lines.Add(new(text["Task.Tranche", i.Sequence], $"{Money.Won(i.Amount)} · {text["InstallmentCondition." + i.Condition]}"));
        }
        lines.Add(new(text["Task.Obligations"], "", Heading: true));
        lines.Add(new("", terms.Obligations));
        lines.Add(new(text["Agreement.Signatures"], "", Heading: true));
        lines.Add(new(text["Agreement.IssuedAt"], Kst.DateTimeSeconds(agreement.IssuedAt) + " (KST)"));
        lines.Add(new(text["Agreement.AcceptedAt"], agreement.AcceptedAt is { } at ? Kst.DateTimeSeconds(at) + " (KST)" : text["Agreement.NotAccepted"]));
        return ApplicationReceipt.Pdf(text["Agreement.Title"], lines, string.Create(CultureInfo.InvariantCulture, $"Mirae · {terms.TaskNumber} v{agreement.Number}"), fontFolder);
    }
}

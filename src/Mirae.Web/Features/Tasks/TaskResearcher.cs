namespace Mirae.Web.Features.Tasks;

public enum ResearcherRole
{
    PrincipalInvestigator,
    Participant,
}

/// <summary>
/// A researcher on a task (참여연구원): by national researcher number (국가연구자번호, 8 digits) and name, with a role and a
/// participation rate over a run of months. Months are stored as their first day.
/// </summary>
public sealed class TaskResearcher
{
    public int Id { get; private set; }
    public int TaskId { get; private set; }
    public string ResearcherNumber { get; private set; } = "";
    public string Name { get; private set; } = "";
    public ResearcherRole Role { get; private set; }
    public DateOnly FromMonth { get; private set; }
    public DateOnly ToMonth { get; private set; }
    /// <summary>Whole percent of the researcher's time, 1–100.</summary>
    public int RatePercent { get; private set; }
    /// <summary>The business number of the organization the researcher belongs to, when not the task's own (a university, an institute).</summary>
    public string? AffiliationNumber { get; private set; }

    private TaskResearcher()
    {
    }

    public TaskResearcher(int taskId, string number, string name, ResearcherRole role, DateOnly fromMonth, DateOnly toMonth, int ratePercent,
        string? affiliationNumber = null)
    {
        (TaskId, ResearcherNumber, Name, Role, RatePercent, AffiliationNumber) = (taskId, number, name.Trim(), role, ratePercent, affiliationNumber);
        (FromMonth, ToMonth) = (new DateOnly(fromMonth.Year, fromMonth.Month, 1), new DateOnly(toMonth.Year, toMonth.Month, 1));
    }

    public bool Covers(DateOnly month) => FromMonth <= month && month <= ToMonth;
}

using Mirae.Web.Features.Applications;
using Mirae.Web.Features.Calls;
using Mirae.Web.Infrastructure;
using Mirae.Web.Tests.Infrastructure;

namespace Mirae.Web.Tests.Unit.Calls;

public sealed class ApplicationFormTests
{
    private static IReadOnlyList<FormSection> Form => ApplicationForm.Parse(ProgramData.FormText).Sections!;

    private static Dictionary<string, string> Complete() => new()
    {
        ["title"] = "배지 국산화",
        ["summary"] = "동물성 성분 없는 배지를 개발합니다.",
        ["amount"] = "50000000",
        ["kind"] = "new",
    };

    [Fact]
    public void Parse_ReadsSectionsFieldsLimitsAndConditions_AndFormatReadsBackTheSame()
    {
        var form = Form;

        Assert.Equal(["overview", "previous"], form.Select(s => s.Key));
        var amount = form[0].Fields.Single(f => f.Key == "amount");
        Assert.Equal((FieldType.Money, 1_000_000m, 100_000_000m, true), (amount.Type, amount.Min, amount.Max, amount.Required));
        Assert.Equal(["new", "continuing"], form[0].Fields.Single(f => f.Key == "kind").Options.Select(o => o.Value));
        Assert.Equal(new ShowWhen("kind", "continuing"), form[1].ShowWhen);
        Assert.Equal(2m, form[0].Fields.Single(f => f.Key == "plan").Max);
        Assert.Equal(ApplicationForm.Format(form), ApplicationForm.Format(ApplicationForm.Parse(ApplicationForm.Format(form)).Sections!));
    }

    [Theory]
    [InlineData("title | text | 과제명 | Title | maybe", 1, "Form.LineInvalid")]
    [InlineData("title | words | 과제명 | Title | required", 1, "Form.LineInvalid")]
    [InlineData("title | text | 과제명 | Title | required\ntitle | text | 다시 | Again | required", 2, "Form.LineInvalid")]
    [InlineData("amount | money | 금액 | Amount | required | 500-100", 1, "Form.LimitInvalid")]
    [InlineData("amount | money | 금액 | Amount | required | 0-99999999999999999999", 1, "Form.LimitInvalid")]
    [InlineData("amount | number | 수 | Count | required | 1e309-", 1, "Form.LimitInvalid")]
    [InlineData("kind | choice | 유형 | Kind | required | only=하나/One", 1, "Form.LimitInvalid")]
    [InlineData("title | text | 과제명 | Title | required\n# later | 나중 | Later | when title=x", 2, "Form.ConditionInvalid")]
    [InlineData("# later | 나중 | Later | when kind=continuing\nkind | choice | 유형 | Kind | required | new=신규/New; continuing=계속/Continuing", 1, "Form.ConditionInvalid")]
    public void Parse_ABadLine_SaysWhichLineAndWhy(string text, int line, string messageKey) =>
        Assert.Equal((line, messageKey), ApplicationForm.Parse(text).Error);

    [Fact]
    public void Check_ADraft_AcceptsMissingAnswers_ButNotWrongOnes()
    {
        var answers = new Dictionary<string, string> { ["title"] = new string('가', 101), ["amount"] = "1000.5", ["kind"] = "other", ["start"] = "2026-13-01" };

        var problems = AnswerCheck.Check(Form, answers, new Dictionary<string, int>(), complete: false);

        Assert.Equal(["title:Answer.TooLong", "amount:Answer.MoneyInvalid", "start:Answer.DateInvalid", "kind:Answer.ChoiceInvalid"],
            problems.Select(p => $"{p.FieldKey}:{p.MessageKey}"));
    }

    [Fact]
    public void Check_AnAmountBeyondWhatTheDatabaseHolds_IsRefused_EvenWithoutAStatedMaximum()
    {
        var form = ApplicationForm.Parse("amount | money | 금액 | Amount | required\ncount | number | 수 | Count | required").Sections!;
        var answers = new Dictionary<string, string> { ["amount"] = "99,999,999,999,999,999,999", ["count"] = "-99999999999999999999" };

        var problems = AnswerCheck.Check(form, answers, new Dictionary<string, int>(), complete: false);

        Assert.Equal(["amount:Answer.MoneyInvalid", "count:Answer.NumberInvalid"], problems.Select(p => $"{p.FieldKey}:{p.MessageKey}"));
    }

    [Fact]
    public void Check_ASubmission_NeedsEveryVisibleRequiredAnswer_AndTheConditionalSectionOnlyWhenShown()
    {
        var files = new Dictionary<string, int> { ["plan"] = 1 };
        var continuing = new Dictionary<string, string>(Complete()) { ["kind"] = "continuing" };

        Assert.Empty(AnswerCheck.Check(Form, Complete(), files, complete: true));
        Assert.Equal(["previousTask"], AnswerCheck.Check(Form, continuing, files, complete: true).Select(p => p.FieldKey));
        Assert.Equal(["plan"], AnswerCheck.Check(Form, Complete(), new Dictionary<string, int>(), complete: true).Select(p => p.FieldKey));
        Assert.Equal(["amount:Answer.OutOfRange"],
            AnswerCheck.Check(Form, new Dictionary<string, string>(Complete()) { ["amount"] = "200000000" }, files, complete: true).Select(p => $"{p.FieldKey}:{p.MessageKey}"));
    }

    [Fact]
    public void Application_CanBeSubmittedTheLastSecondBeforeTheDeadline_NotAtIt()
    {
        var deadline = new DateTimeOffset(2030, 3, 31, 18, 0, 0, TimeSpan.FromHours(9));
        var program = SupportProgram.Create(ProgramKind.Localization, "시험", "Test", "", "", deadline.AddMonths(-2));
        var call = Call.Draft(program, ProgramData.Terms(deadline.AddDays(-30), deadline), deadline.AddMonths(-1));
        call.Publish(deadline.AddMonths(-1));
        var onTime = Application.Start(call, 1, Guid.NewGuid(), deadline.AddDays(-1));
        var late = Application.Start(call, 2, Guid.NewGuid(), deadline.AddDays(-1));
        onTime.SaveDraft(call, Complete(), deadline.AddHours(-1));
        late.SaveDraft(call, Complete(), deadline.AddHours(-1));

        var receipt = onTime.Submit(call, Guid.NewGuid(), deadline.AddSeconds(-1));
        var error = Assert.Throws<DomainException>(() => late.Submit(call, Guid.NewGuid(), deadline));

        Assert.Equal(ApplicationStatus.Submitted, onTime.Status);
        Assert.Matches(@"^2026-\d{3}-\d{5}$", receipt);
        Assert.Single(onTime.Revisions);
        Assert.Equal("Application.DeadlinePassed", error.MessageKey);
        Assert.Equal(ApplicationStatus.Draft, late.Status);
        Assert.Throws<DomainException>(() => onTime.SaveDraft(call, Complete(), deadline.AddSeconds(-1)));
    }

    [Fact]
    public void ReturnedApplication_CanBeResubmittedAfterTheCallsDeadline_UntilItsOwnDate_AndKeepsEveryRevision()
    {
        var deadline = new DateTimeOffset(2030, 3, 31, 18, 0, 0, TimeSpan.FromHours(9));
        var program = SupportProgram.Create(ProgramKind.Localization, "시험", "Test", "", "", deadline.AddMonths(-2));
        var call = Call.Draft(program, ProgramData.Terms(deadline.AddDays(-30), deadline), deadline.AddMonths(-1));
        call.Publish(deadline.AddMonths(-1));
        var application = Application.Start(call, 1, Guid.NewGuid(), deadline.AddDays(-2));
        application.SaveDraft(call, Complete(), deadline.AddDays(-2));
        application.Submit(call, Guid.NewGuid(), deadline.AddDays(-1));
        var until = deadline.AddDays(5);

        Assert.Equal("application.message-required", Assert.Throws<DomainException>(() => application.Return(" ", until, Guid.NewGuid(), deadline.AddDays(1))).Code);
        application.Return("요약을 보완해 주세요.", until, Guid.NewGuid(), deadline.AddDays(1));
        application.SaveDraft(call, new Dictionary<string, string>(Complete()) { ["summary"] = "보완한 요약" }, deadline.AddDays(2));
        application.Submit(call, Guid.NewGuid(), until.AddSeconds(-1));

        Assert.Equal(ApplicationStatus.Submitted, application.Status);
        Assert.Equal([1, 2], application.Revisions.Select(r => r.Number));
        Assert.Equal("보완한 요약", application.Revisions[1].Answers["summary"]);
        Assert.Equal("동물성 성분 없는 배지를 개발합니다.", application.Revisions[0].Answers["summary"]);
        Assert.Equal(50_000_000m, application.RequestedAmount);
        application.Screen(eligible: true, null, reasonRequired: false, Guid.NewGuid(), until);
        Assert.Null(application.StaffMessage); // the earlier return's message is not this decision's reason
        Assert.Equal("application.wrong-status", Assert.Throws<DomainException>(() => application.Return("다시", until.AddDays(1), Guid.NewGuid(), until)).Code);
        application = Application.Start(call, 2, Guid.NewGuid(), deadline.AddDays(-2));
        application.SaveDraft(call, Complete(), deadline.AddDays(-2));
        application.Submit(call, Guid.NewGuid(), deadline.AddDays(-1));
        application.Return("다시", until.AddDays(1), Guid.NewGuid(), until);
        Assert.Equal("application.return-expired",
            Assert.Throws<DomainException>(() => application.Submit(call, Guid.NewGuid(), until.AddDays(2))).Code);
    }
}

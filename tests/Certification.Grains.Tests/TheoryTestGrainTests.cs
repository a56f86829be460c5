using Certification.Common;
using Certification.Crm;
using Certification.Exams;
using Certification.Items;
using Certification.Qualifications;

namespace Certification.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TheoryTestGrainTests(ClusterFixture fixture)
{
    private const string Qualification = "CRM-PRK4";

    [Fact]
    public async Task The_shipped_qualification_and_item_bank_are_loaded_at_start()
    {
        var qualification = await fixture.Grains.GetGrain<IQualificationGrain>(Qualification).GetAsync();
        var items = await fixture.Grains.GetGrain<IItemBankGrain>(Qualification).ActiveAsync();

        Assert.Equal(["1.1", "1.2", "1.3", "2.1", "2.2", "2.3", "2.4", "2.5"], qualification!.AllOutcomes().Select(o => o.Id));
        Assert.Equal((30, 45, 70), (qualification.Blueprint.Questions, qualification.Blueprint.Minutes, qualification.Blueprint.PassPercent));
        Assert.True(items.Count >= 80, $"{items.Count} items");
        foreach (var outcome in qualification.TheoryTestOutcomes())
        {
            Assert.True(items.Count(i => i.Version.Content.Outcome == outcome.Id) >= 4, $"outcome {outcome.Id}");
        }

        Assert.Contains(items, i => i.Version.Content.Kind == ItemKind.MultipleChoice);
        Assert.Contains(items, i => i.Version.Content.Kind == ItemKind.TrueFalse);
    }

    [Fact]
    public async Task A_candidate_answers_and_submits_and_the_result_is_scored_per_outcome()
    {
        var (session, person) = await OpenSessionAsync();
        var test = Attempt(session, person);

        var opened = await test.OpenAsync("conn-1", "candidate");
        Assert.Equal(AttemptStatus.InProgress, opened.View!.Status);
        Assert.Equal(30, opened.View.Questions.Count);
        Assert.Equal(45 * 60, opened.View.RemainingSeconds);

        var seq = 0;
        foreach (var question in opened.View.Questions)
        {
            var ack = await test.SaveAnswerAsync("conn-1", "candidate", new AnswerChange(++seq, question.Number, [question.Options[0].Id], false));
            Assert.Equal(SaveOutcome.Saved, ack.Outcome);
        }

        var submitted = await test.SubmitAsync("conn-1", "candidate");

        Assert.Equal(AttemptStatus.Submitted, submitted.View!.Status);
        var result = submitted.View.Result!;
        Assert.Equal(30, result.MaxPoints);
        Assert.Equal(["1.1", "1.2", "1.3", "2.2", "2.3"], result.Outcomes.Select(o => o.Outcome));
        Assert.Equal([7, 5, 7, 6, 5], result.Outcomes.Select(o => o.MaxPoints));
        Assert.InRange(Math.Abs(result.Points - result.Outcomes.Sum(o => o.Points)), 0m, 0.05m);
        Assert.Equal(result.Percent >= 70, result.Passed);
    }

    [Fact]
    public async Task A_resent_or_overtaken_change_is_acknowledged_but_stored_once()
    {
        var (session, person) = await OpenSessionAsync();
        var test = Attempt(session, person);
        var question = (await test.OpenAsync("conn-1", "candidate")).View!.Questions.First(q => q.Kind == ItemKind.SingleChoice);
        var first = question.Options[0].Id;
        var second = question.Options[1].Id;

        Assert.Equal(SaveOutcome.Saved, (await test.SaveAnswerAsync("conn-1", "candidate", new AnswerChange(1, question.Number, [first], false))).Outcome);
        Assert.Equal(SaveOutcome.Saved, (await test.SaveAnswerAsync("conn-1", "candidate", new AnswerChange(2, question.Number, [second], true))).Outcome);
        Assert.Equal(SaveOutcome.AlreadySaved, (await test.SaveAnswerAsync("conn-1", "candidate", new AnswerChange(2, question.Number, [second], true))).Outcome);
        Assert.Equal(SaveOutcome.AlreadySaved, (await test.SaveAnswerAsync("conn-1", "candidate", new AnswerChange(1, question.Number, [first], false))).Outcome);

        var answer = Assert.Single((await test.OpenAsync("conn-1", "candidate")).View!.Answers);
        Assert.Equal((question.Number, second, true), (answer.Question, Assert.Single(answer.Selected), answer.Flagged));
        Assert.Equal(2, (await test.OpenAsync("conn-1", "candidate")).View!.HighestSeq);
        Assert.Equal(3L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM attempt_event WHERE attempt = '{TheoryTestKey.For(session, person)}'") - 1);
    }

    [Fact]
    public async Task Answers_that_do_not_fit_the_question_are_refused()
    {
        var (session, person) = await OpenSessionAsync();
        var test = Attempt(session, person);
        var questions = (await test.OpenAsync("conn-1", "candidate")).View!.Questions;
        var single = questions.First(q => q.Kind == ItemKind.SingleChoice);

        Assert.Equal(AttemptCodes.BadQuestion, (await test.SaveAnswerAsync("conn-1", "c", new AnswerChange(1, 99, [], false))).Code);
        Assert.Equal(AttemptCodes.BadOption, (await test.SaveAnswerAsync("conn-1", "c", new AnswerChange(2, single.Number, ["zz"], false))).Code);
        Assert.Equal(AttemptCodes.OneOptionOnly, (await test.SaveAnswerAsync("conn-1", "c", new AnswerChange(3, single.Number, [single.Options[0].Id, single.Options[1].Id], false))).Code);
    }

    [Fact]
    public async Task Opening_the_test_in_a_second_place_takes_it_from_the_first()
    {
        var (session, person) = await OpenSessionAsync();
        var test = Attempt(session, person);
        var question = (await test.OpenAsync("laptop", "candidate")).View!.Questions[0];

        var second = await test.OpenAsync("tablet", "candidate");
        var fromLaptop = await test.SaveAnswerAsync("laptop", "candidate", new AnswerChange(1, question.Number, [question.Options[0].Id], false));
        var fromTablet = await test.SaveAnswerAsync("tablet", "candidate", new AnswerChange(2, question.Number, [question.Options[0].Id], false));

        Assert.Equal("laptop", second.DisplacedConnection);
        Assert.Equal((SaveOutcome.Rejected, AttemptCodes.OpenedElsewhere), (fromLaptop.Outcome, fromLaptop.Code));
        Assert.Equal(SaveOutcome.Saved, fromTablet.Outcome);
    }

    [Fact]
    public async Task Nothing_changes_after_submission()
    {
        var (session, person) = await OpenSessionAsync();
        var test = Attempt(session, person);
        var question = (await test.OpenAsync("conn-1", "candidate")).View!.Questions[0];
        await test.SubmitAsync("conn-1", "candidate");

        var late = await test.SaveAnswerAsync("conn-1", "candidate", new AnswerChange(1, question.Number, [question.Options[0].Id], false));

        Assert.Equal((SaveOutcome.Rejected, AttemptCodes.Submitted), (late.Outcome, late.Code));
        Assert.Equal(AttemptCodes.Submitted, await test.ExtendAsync(10, "operator", "awaria"));
        Assert.Empty((await test.OpenAsync("conn-1", "candidate")).View!.Answers);
    }

    [Fact]
    public async Task Pausing_stops_the_clock_and_refuses_answers_until_resumed()
    {
        var (session, person) = await OpenSessionAsync();
        var test = Attempt(session, person);
        var question = (await test.OpenAsync("conn-1", "candidate")).View!.Questions[0];

        Assert.Equal(AttemptCodes.ReasonRequired, await test.PauseAsync("operator", " "));
        Assert.Null(await test.PauseAsync("operator", "Kandydat zgłosił awarię komputera"));
        var before = (await test.GetBoardRowAsync())!.RemainingSeconds;
        fixture.Clock.Advance(TimeSpan.FromMinutes(10));
        var paused = await test.SaveAnswerAsync("conn-1", "candidate", new AnswerChange(1, question.Number, [question.Options[0].Id], false));
        Assert.Equal((SaveOutcome.Rejected, AttemptCodes.Paused), (paused.Outcome, paused.Code));
        Assert.InRange((await test.GetBoardRowAsync())!.RemainingSeconds, before - 2, before);

        Assert.Null(await test.ResumeAsync("operator", "Komputer wymieniony"));
        var resumed = await test.SaveAnswerAsync("conn-1", "candidate", new AnswerChange(2, question.Number, [question.Options[0].Id], false));
        Assert.Equal(SaveOutcome.Saved, resumed.Outcome);
        Assert.InRange(resumed.RemainingSeconds, before - 5, before);
    }

    [Fact]
    public async Task Time_up_submits_the_test_by_itself_and_an_extension_moves_the_deadline()
    {
        var (session, person) = await OpenSessionAsync();
        var test = Attempt(session, person);
        var question = (await test.OpenAsync("conn-1", "candidate")).View!.Questions[0];
        Assert.Null(await test.ExtendAsync(15, "operator", "Dostosowanie dla osoby z niepełnosprawnością"));

        fixture.Clock.Advance(TimeSpan.FromMinutes(50));
        var stillOn = await test.SaveAnswerAsync("conn-1", "candidate", new AnswerChange(1, question.Number, [question.Options[0].Id], false));
        Assert.Equal(SaveOutcome.Saved, stillOn.Outcome);
        Assert.InRange(stillOn.RemainingSeconds, 9 * 60, 10 * 60);

        fixture.Clock.Advance(TimeSpan.FromMinutes(11));
        var late = await test.SaveAnswerAsync("conn-1", "candidate", new AnswerChange(2, question.Number, [question.Options[0].Id], false));

        Assert.Equal((SaveOutcome.Rejected, AttemptCodes.Submitted), (late.Outcome, late.Code));
        Assert.Equal(
            "submitted|TimeUp|system",
            await fixture.Database.ScalarAsync<string>(
                $"SELECT kind || '|' || (data->>'cause') || '|' || actor FROM attempt_event WHERE attempt = '{TheoryTestKey.For(session, person)}' ORDER BY seq DESC LIMIT 1"));
    }

    [Fact]
    public async Task Operator_actions_are_on_the_append_only_record_with_who_and_why()
    {
        var (session, person) = await OpenSessionAsync();
        var test = Attempt(session, person);
        await test.OpenAsync("conn-1", "candidate-7");
        await test.ExtendAsync(5, "operator-3", "Przerwa w dostawie prądu");
        await test.TerminateAsync("operator-3", "Korzystanie z niedozwolonych materiałów");
        var attempt = TheoryTestKey.For(session, person);

        Assert.Equal(
            "drawn:system:;started:candidate-7:;extended:operator-3:Przerwa w dostawie prądu;submitted:operator-3:Korzystanie z niedozwolonych materiałów",
            await fixture.Database.ScalarAsync<string>(
                $"SELECT string_agg(kind || ':' || actor || ':' || coalesce(reason, ''), ';' ORDER BY seq) FROM attempt_event WHERE attempt = '{attempt}'"));
        var error = await Assert.ThrowsAsync<Npgsql.PostgresException>(() => fixture.Database.ExecuteAsync($"DELETE FROM attempt_event WHERE attempt = '{attempt}'"));
        Assert.Contains("append-only", error.MessageText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_cannot_open_without_candidates_nor_be_scheduled_for_an_unknown_qualification()
    {
        var empty = fixture.Grains.GetGrain<IExamSessionGrain>(Guid.NewGuid());
        Assert.True((await empty.ScheduleAsync(Details())).Succeeded);
        Assert.Equal([new FieldError("Roster", ExamSessionGrain.RosterEmpty)], (await empty.OpenAsync("admin")).Errors.AsEnumerable());

        var unknown = await fixture.Grains.GetGrain<IExamSessionGrain>(Guid.NewGuid()).ScheduleAsync(Details() with { Qualification = "NIE-MA" });
        Assert.Equal([new FieldError("Qualification", ExamSessionGrain.UnknownQualification)], unknown.Errors.AsEnumerable());
    }

    [Fact]
    public async Task The_sessions_deadline_check_submits_attempts_nobody_is_calling_any_more()
    {
        var (session, person) = await OpenSessionAsync();
        await Attempt(session, person).OpenAsync("conn-1", "candidate");
        await Attempt(session, person).DisconnectedAsync("conn-1");
        fixture.Clock.Advance(TimeSpan.FromMinutes(46));

        await fixture.Grains.GetGrain<IExamSessionGrain>(session).CheckDeadlinesAsync();

        Assert.Equal(
            "submitted|TimeUp|system",
            await fixture.Database.ScalarAsync<string>(
                $"SELECT kind || '|' || (data->>'cause') || '|' || actor FROM attempt_event WHERE attempt = '{TheoryTestKey.For(session, person)}' ORDER BY seq DESC LIMIT 1"));
    }

    [Fact]
    public async Task Closing_the_session_submits_every_attempt_as_it_stands()
    {
        var (session, person) = await OpenSessionAsync();
        var test = Attempt(session, person);
        var question = (await test.OpenAsync("conn-1", "candidate")).View!.Questions[0];
        await test.SaveAnswerAsync("conn-1", "candidate", new AnswerChange(1, question.Number, [question.Options[0].Id], false));

        Assert.True((await fixture.Grains.GetGrain<IExamSessionGrain>(session).CloseAsync("operator")).Succeeded);

        var late = await test.SaveAnswerAsync("conn-1", "candidate", new AnswerChange(2, question.Number, [question.Options[1].Id], false));
        Assert.Equal((SaveOutcome.Rejected, AttemptCodes.Submitted), (late.Outcome, late.Code));
        Assert.Equal(30, (await test.GetResultAsync())!.MaxPoints);
        Assert.Equal(
            "SessionClosed",
            await fixture.Database.ScalarAsync<string>($"SELECT data->>'cause' FROM attempt_event WHERE attempt = '{TheoryTestKey.For(session, person)}' AND kind = 'submitted'"));
    }

    [Fact]
    public async Task A_withheld_result_is_shown_only_after_the_closed_session_releases_it()
    {
        var (session, person) = await OpenSessionAsync(showResultAtOnce: false);
        var test = Attempt(session, person);
        await test.OpenAsync("conn-1", "candidate");
        var submitted = (await test.SubmitAsync("conn-1", "candidate")).View!;
        Assert.Equal((true, null), (submitted.ResultWithheld, submitted.Result));
        var grain = fixture.Grains.GetGrain<IExamSessionGrain>(session);

        var early = await grain.ReleaseResultsAsync("admin");
        Assert.Equal(ExamSessionGrain.NotClosed, Assert.Single(early.Errors).Code);
        Assert.True((await grain.CloseAsync("operator")).Succeeded);
        Assert.True((await grain.ReleaseResultsAsync("admin")).Succeeded);
        Assert.True((await grain.ReleaseResultsAsync("admin")).Succeeded);

        var view = (await test.OpenAsync("conn-2", "candidate")).View!;
        Assert.False(view.ResultWithheld);
        Assert.Equal(30, view.Result!.MaxPoints);
        Assert.NotNull((await grain.GetAsync())!.ResultsReleasedAt);
        Assert.Equal(
            "released|admin",
            await fixture.Database.ScalarAsync<string>(
                $"SELECT string_agg(kind || '|' || actor, ',') FROM attempt_event WHERE attempt = '{TheoryTestKey.For(session, person)}' AND kind = 'released'"));
    }

    [Fact]
    public async Task The_board_shows_each_candidates_progress()
    {
        var (session, person) = await OpenSessionAsync();
        var test = Attempt(session, person);
        var question = (await test.OpenAsync("conn-1", "candidate")).View!.Questions[0];
        await test.SaveAnswerAsync("conn-1", "candidate", new AnswerChange(1, question.Number, [question.Options[0].Id], false));
        await test.DisconnectedAsync("conn-1");

        var row = Assert.Single(await fixture.Grains.GetGrain<IExamSessionGrain>(session).GetBoardAsync());

        Assert.Equal((person, AttemptStatus.InProgress, false, 1, 30), (row.PersonId, row.Status, row.Connected, row.Answered, row.Questions));
    }

    private ITheoryTestGrain Attempt(Guid session, Guid person) => fixture.Grains.GetGrain<ITheoryTestGrain>(TheoryTestKey.For(session, person));

    private static SessionDetails Details(bool showResultAtOnce = true) =>
        new(Qualification, "Sesja testowa", DateTimeOffset.UtcNow, "Sala 101", Guid.NewGuid(), showResultAtOnce);

    private async Task<(Guid Session, Guid Person)> OpenSessionAsync(bool showResultAtOnce = true)
    {
        var person = Guid.NewGuid();
        Assert.True((await fixture.Grains.GetGrain<IPersonGrain>(person).CreateAsync(Samples.Person(null))).Succeeded);
        var session = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IExamSessionGrain>(session);
        var scheduled = await grain.ScheduleAsync(Details(showResultAtOnce));
        Assert.True(scheduled.Succeeded, string.Join(", ", scheduled.Errors));
        Assert.True((await grain.SetRosterAsync(scheduled.Version, [person])).Succeeded);
        var opened = await grain.OpenAsync("admin");
        Assert.True(opened.Succeeded, string.Join(", ", opened.Errors));
        return (session, person);
    }
}

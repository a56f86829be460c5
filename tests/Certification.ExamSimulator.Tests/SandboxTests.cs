using Certification.ExamSimulator.Actions;
using Certification.ExamSimulator.Offers;
using Certification.ExamSimulator.Reports;
using Certification.ExamSimulator.Sandbox;

namespace Certification.ExamSimulator.Tests;

public sealed class SandboxTests
{
    public static TheoryData<string, string> BadCommands() => new()
    {
        { "nip checksum", "account.nip_checksum" },
        { "nip taken", "account.nip_taken" },
        { "postal code", "postal_code.format" },
        { "phone", "phone.format" },
        { "email", "email.format" },
        { "voivodeship", "account.voivodeship_unknown" },
        { "contact of an unknown account", "account.not_found" },
        { "move past open activities", "opportunity.activities_open" },
        { "lost without reason", "opportunity.lost_reason" },
        { "opportunity without value", "opportunity.value_positive" },
        { "contact of another account", "contact.other_account" },
        { "task due yesterday", "dueDate.past" },
        { "done task at 40%", "task.progress_status" },
        { "stage of another pipeline", "stage.other_pipeline" },
        { "stage in use", "stage.in_use" },
        { "repeated stage", "stage.name_taken" },
        { "segment without conditions", "segment.conditions_required" },
        { "segment on an unknown field", "field.unknown" },
        { "text filter on money", "filter.operator" },
        { "task list ending before it starts", "range.order" },
        { "chart without grouping", "report.chart_grouping" },
        { "sum of text", "report.aggregate_field" },
        { "template with unknown tag", "template.unknown_tag" },
        { "template including a file", "template.include" },
        { "template with broken syntax", "template.syntax" },
        { "offer without lines", "offer.lines_required" },
        { "second sending", "offer.already_sent" },
        { "unknown question", "answer.question_unknown" },
    };

    [Theory]
    [MemberData(nameof(BadCommands))]
    public void ABadCommandIsRefusedWithAPolishReasonAndChangesNothing(string name, string code)
    {
        var candidate = new Candidate();
        var command = Prepare(candidate, name);
        var before = SimulatorJson.Serialize(candidate.State);

        var entry = candidate.Do(command);

        Assert.False(entry.Outcome.Accepted);
        Assert.Contains(entry.Outcome.Errors, e => e.Code == code);
        Assert.All(entry.Outcome.Errors, e => Assert.False(string.IsNullOrWhiteSpace(e.Message)));

        // A UI in another language words the refusal from its code and values: every one is a known wording.
        Assert.All(entry.Outcome.Errors, e =>
        {
            Assert.Contains(RefusalCodes.KeyOf(e), RefusalCodes.Keys);
            Assert.NotNull(e.Arguments);
            Assert.True(e.Label is null || FieldLabels.All.Contains(e.Label), e.Label);
        });
        Assert.Equal(before, SimulatorJson.Serialize(candidate.State));
        Assert.Equal(entry, candidate.Simulation.Log[^1]);
    }

    [Fact]
    public void ARefusalKeepsItsCodeValuesAndLabelInTheLogAndOneLoggedBeforeThemHasOnlyItsSentence()
    {
        var error = Refusals.DateInPast(RefusalCodes.DueDatePast, FieldLabels.TaskDue, new DateOnly(2026, 3, 9));
        var read = SimulatorJson.Deserialize<CommandError>(SimulatorJson.Serialize(error));

        Assert.Equal(("dueDate", "dueDate.past", "Termin zadania nie może być wcześniejszy niż dzisiejszy dzień w symulacji (09.03.2026)."),
            (read.Field, read.Code, read.Message));
        Assert.Equal(["09.03.2026"], read.Arguments!);
        Assert.Equal(FieldLabels.TaskDue, read.Label);
        Assert.Equal("task.progress_status.done", RefusalCodes.KeyOf(Refusals.ProgressStatus(CrmTaskStatus.Done)));

        var logged = SimulatorJson.Deserialize<CommandError>("""{"field":"nip","code":"account.nip_checksum","message":"NIP „1” jest nieprawidłowy."}""");
        Assert.Null(logged.Arguments);
    }

    private static SandboxCommand Prepare(Candidate c, string name)
    {
        var x = c.X;
        var spec = x.NewAccounts[0];
        var someAccount = c.State.Accounts[0];
        return name switch
        {
            "nip checksum" => new CreateAccount(spec.Data with { Nip = "1234567890" }),
            "nip taken" => new CreateAccount(spec.Data with { Nip = c.State.Accounts.First(a => a.Data.Nip is not null).Data.Nip }),
            "postal code" => new CreateAccount(spec.Data with { PostalCode = "62035" }),
            "phone" => new CreateAccount(spec.Data with { Phone = "12 34" }),
            "email" => new CreateAccount(spec.Data with { Email = "biuro(at)firma.pl" }),
            "voivodeship" => new CreateAccount(spec.Data with { Voivodeship = "Wielkopolska" }),
            "contact of an unknown account" => new CreateContact("acc-999", spec.Contact),
            "move past open activities" => MovePastOpenActivity(c),
            "lost without reason" => new CloseOpportunity(x.Closes[1].OpportunityId, false, " "),
            "opportunity without value" => new CreateOpportunity(new OpportunityDetails("Nowa", someAccount.Id, null, 0, x.NewOpportunity.ExpectedClose), c.Main, c.Stage(0)),
            "contact of another account" => new UpdateOpportunity(x.Reassign.OpportunityId,
                c.State.FindOpportunity(x.Reassign.OpportunityId)!.Details with { AccountId = x.Reassign.RightAccountId }),
            "task due yesterday" => new CreateTask(new CrmTaskData("Telefon", c.State.ReferenceDate.AddDays(-1), TaskPriority.Normal, null, null, null, null, null)),
            "done task at 40%" => new UpdateTaskProgress(c.State.Tasks[0].Id, CrmTaskStatus.Done, 40),
            "stage of another pipeline" => new MoveOpportunity(x.Moves[1].OpportunityId, StageOfNewPipeline(c)),
            "stage in use" => new RemoveStage(c.Main, c.Stage(3)),
            "repeated stage" => new CreatePipeline("Nowy", ["Oferta", "Umowa", "oferta"]),
            "segment without conditions" => new SaveSegment(null, "Wszyscy", null, []),
            "segment on an unknown field" => new SaveSegment(null, "Zły", null, [new("pesel", FilterOperator.Equals, "1")]),
            "text filter on money" => new SaveReport(null, "R", Candidate.MonthlyReport() with { Filters = [new("value", FilterOperator.Contains, "100")] }),
            "task list ending before it starts" => new SaveTaskList(null, "Lista", x.TaskList.To, x.TaskList.From, []),
            "chart without grouping" => new SaveReport(null, "R", Candidate.MonthlyReport(grouped: false) with { Chart = ChartKind.Bar }),
            "sum of text" => new SaveReport(null, "R", Candidate.MonthlyReport() with { Aggregates = [new(AggregateFunction.Sum, "name")] }),
            "template with unknown tag" => new SaveOfferTemplate(null, "Szablon", "Dzień dobry {{ klient.prezes }}"),
            "template including a file" => new SaveOfferTemplate(null, "Szablon", "{% include '/etc/passwd' %}"),
            "template with broken syntax" => new SaveOfferTemplate(null, "Szablon", "{% if klient.nazwa %}bez końca"),
            "offer without lines" => new GenerateOffer(c.Template(), x.Offer.AccountId, x.Offer.ContactId, null, [], 30),
            "second sending" => SecondSending(c),
            "unknown question" => new AnswerQuestion("P9", "12"),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name),
        };
    }

    private static MoveOpportunity MovePastOpenActivity(Candidate c)
    {
        var id = c.X.Activities.OpportunityId;
        c.Ok(new AddActivity(id, c.X.Activities.StageId, "Spotkanie z decydentem", null));
        return new MoveOpportunity(id, c.X.Moves[0].ToStageId);
    }

    private static string StageOfNewPipeline(Candidate c)
    {
        var pipeline = c.Ok(new CreatePipeline(c.X.Pipeline.Name, c.X.Pipeline.Stages));
        return c.State.FindPipeline(pipeline)!.Stages[0].Id;
    }

    private static SendOffer SecondSending(Candidate c)
    {
        var offer = c.Offer(c.Template());
        c.Ok(new SendOffer(offer, null));
        return new SendOffer(offer, null);
    }

    [Fact]
    public void AnOfferIsRenderedFromTheRecordsAndSendingItIsInTheAccountsHistory()
    {
        var candidate = new Candidate();
        var x = candidate.X;
        var offerId = candidate.Offer(candidate.Template());
        candidate.Ok(new SendOffer(offerId, "W załączeniu oferta."));

        var offer = candidate.State.FindOffer(offerId)!;
        var contact = candidate.State.FindContact(x.Offer.ContactId)!;
        Assert.Contains($"{contact.Data.FirstName} {contact.Data.LastName}", offer.Body, StringComparison.Ordinal);
        Assert.Contains(candidate.State.AccountName(x.Offer.AccountId), offer.Body, StringComparison.Ordinal);
        Assert.Contains(Text.PlFormat.Money(offer.TotalGross), offer.Body, StringComparison.Ordinal);
        Assert.Equal(x.Offer.Lines.Count, offer.Lines.Count);
        Assert.Equal(offer.Lines.Sum(l => l.Net) + offer.Lines.Sum(l => l.Vat), offer.TotalGross);
        Assert.Equal(candidate.State.ReferenceDate.AddDays(30), offer.ValidUntil);
        var sent = Assert.Single(candidate.State.FindAccount(x.Offer.AccountId)!.Events, e => e.Kind == AccountEventKind.OfferSent);
        Assert.Equal(offerId, sent.OfferId);
        Assert.Contains(contact.Data.Email!, sent.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void TemplateTagsAreFoundInOutputsLoopsAndConditions()
    {
        var tags = OfferTemplates.UsedTags("{% if klient.nip %}NIP {{ klient.nip }}{% endif %}{% for p in pozycje %}{{ p.nazwa | upcase }}{% endfor %}{{ oferta.wazna_do }}");

        Assert.Equal(["klient.nip", "pozycje", "pozycje.nazwa", "oferta.wazna_do"], tags);
        Assert.Empty(OfferTemplates.Validate(Candidate.OfferBody));
    }

    [Fact]
    public void ATemplateThatLoopsTooLongIsRefused()
    {
        var errors = OfferTemplates.Validate("{% for i in (1..1000000) %}{{ klient.nazwa }}{% endfor %}");

        Assert.Contains(errors, e => e.Code == "template.render");
    }

    [Fact]
    public void AReportSumsOpportunitiesByStageInFunnelOrderWithAChartAndCsv()
    {
        var candidate = new Candidate();
        var definition = candidate.StageReport(minValue: false);

        var result = ReportEngine.Run(candidate.State, "Szanse wg etapów", definition);

        var stages = candidate.State.FindPipeline(candidate.Main)!.Stages.Select(s => s.Name).ToList();
        Assert.Equal(stages, result.Rows.Select(r => r.Cells[0].Text));
        var open = candidate.State.Opportunities.Where(o => o.Status == OpportunityStatus.Open).ToList();
        Assert.Equal(open.Sum(o => o.Details.Value), result.Rows.Sum(r => r.Cells[1].Number));
        Assert.Equal(open.Count, result.DetailRows.Count);
        Assert.NotNull(result.Chart);
        Assert.Equal(ChartKind.Bar, result.Chart.Kind);
        Assert.Equal(stages, result.Chart.Categories);
        Assert.Equal(result.Rows.Select(r => r.Cells[1].Number ?? 0), result.Chart.Series[0].Values);

        var csv = ReportCsv.Write(result).Split("\r\n");
        Assert.Equal("Etap;Suma: Wartość;Liczba", csv[0]);
        Assert.StartsWith(stages[0] + ";", csv[1], StringComparison.Ordinal);
        Assert.Contains("Nazwa;Klient;Etap;Wartość", csv);
    }

    [Fact]
    public void CsvEscapesTextThatWouldRunAsAFormula()
    {
        var candidate = new Candidate();
        var spec = candidate.X.NewAccounts[0];
        candidate.Ok(new CreateAccount(spec.Data with { Name = "=HYPERLINK(\"http://x\")" }));

        var csv = ReportCsv.Write(ReportEngine.Run(candidate.State, "K", new ReportDefinition(ReportSource.Accounts, ["name"], [new("nip", FilterOperator.Equals, spec.Data.Nip)], null, [], ChartKind.Table)));

        Assert.DoesNotContain("\n=HYPERLINK", "\n" + csv, StringComparison.Ordinal);
    }

    [Fact]
    public void MovingForwardNeedsTheStagesActivitiesDoneButMovingBackDoesNot()
    {
        var candidate = new Candidate();
        var id = candidate.X.Activities.OpportunityId;
        var activity = candidate.Ok(new AddActivity(id, candidate.X.Activities.StageId, "Zebrać wymagania klienta", null));
        Assert.False(candidate.Do(new MoveOpportunity(id, candidate.Stage(2))).Outcome.Accepted);
        candidate.Ok(new MoveOpportunity(id, candidate.Stage(0)));
        candidate.Ok(new MoveOpportunity(id, candidate.Stage(1)));

        candidate.Ok(new CompleteActivity(id, activity));
        candidate.Ok(new MoveOpportunity(id, candidate.Stage(2)));

        var history = candidate.State.FindOpportunity(id)!.History.Where(h => h.Kind == OpportunityChangeKind.Moved).TakeLast(3).ToList();
        Assert.Equal([candidate.Stage(0), candidate.Stage(1), candidate.Stage(2)], history.Select(h => h.ToStageId));
    }
}

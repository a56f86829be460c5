using System.Collections.Immutable;
using Certification.ExamSimulator.Actions;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Scenarios;
using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Tests;

/// <summary>
/// A candidate working through a scenario's task sheet by commands, as the UI would send them: each task can be done
/// right, or in the ways the checker tests need. The clock moves a minute per action.
/// </summary>
internal sealed class Candidate(int seed = 42)
{
    public const string OfferBody =
        "Szanowni Państwo,\n{{ kontakt.imie_nazwisko }}\n{{ klient.nazwa }}\n\n" +
        "dziękujemy za zainteresowanie naszą ofertą. Przedstawiamy propozycję:\n" +
        "{% for p in pozycje %}- {{ p.nazwa }}: {{ p.ilosc }} × {{ p.cena }} = {{ p.brutto }} brutto\n{% endfor %}\n" +
        "Razem do zapłaty: {{ oferta.suma_brutto }} (netto {{ oferta.suma_netto }}).\nOferta ważna do {{ oferta.wazna_do }}.\n\n" +
        "Z poważaniem,\n{{ sprzedawca.nazwa }}";

    private DateTimeOffset _clock = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    public Simulation Simulation { get; private set; } = Simulation.Start(seed);

    public SandboxState State => Simulation.State;

    public Exercise X => Simulation.Scenario.Exercise;

    public string Main => X.StageReport.PipelineId;

    public string Stage(int index) => State.FindPipeline(Main)!.Stages[index].Id;

    public ActionLogEntry Do(SandboxCommand command)
    {
        _clock = _clock.AddMinutes(1);
        var (next, entry) = Simulation.Execute(command, new ActionContext(_clock, "kandydat@demo.pl"));
        Simulation = next;
        return entry;
    }

    /// <summary>Runs a command that must be accepted and returns the id of what it created.</summary>
    public string Ok(SandboxCommand command)
    {
        var entry = Do(command);
        Assert.True(entry.Outcome.Accepted, $"{command.GetType().Name} refused: {entry.Outcome.Reason()}");
        return entry.Outcome.CreatedId ?? "";
    }

    public Checkers.CriterionVerdict Verdict(string criterion) => Simulation.Check().Single(v => v.CriterionId == criterion);

    public string NewAccount(int index, bool withContact = true, Func<AccountData, AccountData>? change = null)
    {
        var spec = X.NewAccounts[index];
        var id = Ok(new CreateAccount(change is null ? spec.Data : change(spec.Data)));
        if (withContact)
        {
            Ok(new CreateContact(id, spec.Contact));
        }

        return id;
    }

    public void FixAccount(int index, bool right = true)
    {
        var fix = X.AccountFixes[index];
        var data = State.FindAccount(fix.AccountId)!.Data;
        foreach (var field in fix.Fields)
        {
            var value = right ? field.Value : Wrong(field.Field, field.Value);
            data = field.Field switch
            {
                "nip" => data with { Nip = value },
                "phone" => data with { Phone = value },
                "street" => data with { Street = value },
                "postalCode" => data with { PostalCode = value },
                "city" => data with { City = value },
                _ => throw new InvalidOperationException(field.Field),
            };
        }

        Ok(new UpdateAccount(fix.AccountId, data));
    }

    public void FixContact(int index)
    {
        var fix = X.ContactFixes[index];
        var data = State.FindContact(fix.ContactId)!.Data;
        foreach (var field in fix.Fields)
        {
            data = field.Field switch
            {
                "position" => data with { Position = field.Value },
                "contactEmail" => data with { Email = field.Value },
                _ => throw new InvalidOperationException(field.Field),
            };
        }

        Ok(new UpdateContact(fix.ContactId, data));
    }

    public static ImmutableList<FilterCondition> SegmentConditions(SegmentSpec spec, bool excludeFormer = true) =>
        excludeFormer
            ? [new("industry", FilterOperator.Equals, spec.Industry), new("voivodeship", FilterOperator.Equals, spec.Voivodeship), new("status", FilterOperator.NotEquals, "Były klient")]
            : [new("industry", FilterOperator.Equals, spec.Industry), new("voivodeship", FilterOperator.Equals, spec.Voivodeship)];

    public void SetPriority(string taskId, TaskPriority priority) =>
        Ok(new UpdateTask(taskId, State.FindTask(taskId)!.Data with { Priority = priority }));

    public void AssignStage(string taskId, string stageId) =>
        Ok(new UpdateTask(taskId, State.FindTask(taskId)!.Data with { PipelineId = Main, StageId = stageId }));

    public void Schedule(bool withStages = true, int daysAfterWindow = 0)
    {
        var spec = X.Schedule;
        for (var i = 0; i < spec.StageIds.Count; i++)
        {
            var due = daysAfterWindow > 0 ? spec.To.AddDays(daysAfterWindow + i) : spec.From.AddDays(3 * (i + 1));
            Ok(new CreateTask(new CrmTaskData(
                $"Harmonogram: {State.StageName(spec.StageIds[i])}", due, TaskPriority.Normal, null, spec.OpportunityId,
                withStages ? Main : null, withStages ? spec.StageIds[i] : null, null)));
        }
    }

    /// <summary>The answer the CRM gives now, written as a person would ("61 900,00 zł", "3").</summary>
    public string TrueAnswer(QuestionSpec question) => question.Kind switch
    {
        QuestionKind.DoneTasksInStage => PlFormat.Count(State.Tasks.Count(t => t.Data.StageId == question.SubjectId && t.Status == CrmTaskStatus.Done)),
        QuestionKind.TaskProgress => PlFormat.Percent(State.FindTask(question.SubjectId)!.Progress),
        _ => PlFormat.Money(State.Opportunities.Where(o => o.StageId == question.SubjectId && o.Status == OpportunityStatus.Open).Sum(o => o.Details.Value)),
    };

    public void Answer(string questionId, bool right = true)
    {
        var question = X.Questions.Single(q => q.Id == questionId);
        var answer = right ? TrueAnswer(question) : (PlText.ParseAmount(TrueAnswer(question))!.Value + 7).ToString(System.Globalization.CultureInfo.InvariantCulture);
        Ok(new AnswerQuestion(questionId, answer));
    }

    public string NewOpportunity(string accountId, decimal? value = null, int stage = 0)
    {
        var spec = X.NewOpportunity;
        var contact = State.ContactsOf(accountId).FirstOrDefault()?.Id;
        return Ok(new CreateOpportunity(new OpportunityDetails(spec.Name, accountId, contact, value ?? spec.Value, spec.ExpectedClose), Main, Stage(stage)));
    }

    public void Revalue(decimal? value = null)
    {
        var spec = X.ValueChange;
        Ok(new UpdateOpportunity(spec.OpportunityId, State.FindOpportunity(spec.OpportunityId)!.Details with { Value = value ?? spec.NewValue }));
    }

    public void Reassign(string accountId, string? contactId)
    {
        var id = X.Reassign.OpportunityId;
        Ok(new UpdateOpportunity(id, State.FindOpportunity(id)!.Details with { AccountId = accountId, ContactId = contactId }));
    }

    public void AddActivities(int count, string? stageId = null, bool complete = true)
    {
        var spec = X.Activities;
        for (var i = 0; i < count; i++)
        {
            var id = Ok(new AddActivity(spec.OpportunityId, stageId ?? spec.StageId, spec.Examples[i], null));
            if (complete)
            {
                Ok(new CompleteActivity(spec.OpportunityId, id));
            }
        }
    }

    public void Move(int index) => Ok(new MoveOpportunity(X.Moves[index].OpportunityId, X.Moves[index].ToStageId));

    public void Close(int index, bool asAsked = true)
    {
        var spec = X.Closes[index];
        var won = asAsked ? spec.Won : !spec.Won;
        Do(new CloseOpportunity(spec.OpportunityId, won, won ? null : spec.Reason));
    }

    public ReportDefinition StageReport(
        ImmutableList<string>? columns = null, bool minValue = true, bool filters = true, bool grouped = true, ChartKind chart = ChartKind.Bar) => new(
        ReportSource.Opportunities,
        columns ?? ["name", "account", "stage", "value"],
        filters
            ? [
                new("status", FilterOperator.Equals, "Otwarta"), new("pipeline", FilterOperator.Equals, State.FindPipeline(Main)!.Name),
                .. minValue ? [new FilterCondition("value", FilterOperator.AtLeast, PlFormat.Plain(X.StageReport.MinValue))] : ImmutableList<FilterCondition>.Empty,
            ]
            : [],
        grouped ? new ReportGrouping("stage", DateBucket.None, null) : null,
        grouped ? [new(AggregateFunction.Sum, "value"), new(AggregateFunction.Count, null)] : [],
        grouped ? chart : ChartKind.Table);

    public static ReportDefinition MonthlyReport(bool filters = true, bool grouped = true, ChartKind chart = ChartKind.Line) => new(
        ReportSource.Opportunities,
        ["name", "account", "value", "closedOn"],
        filters ? [new("status", FilterOperator.Equals, "Wygrana")] : [],
        grouped ? new ReportGrouping("closedOn", DateBucket.Month, null) : null,
        grouped ? [new(AggregateFunction.Sum, "value")] : [],
        grouped ? chart : ChartKind.Table);

    public string Report(string name, ReportDefinition definition, bool export = true)
    {
        var id = Ok(new SaveReport(null, name, definition));
        if (export)
        {
            Ok(new ExportReport(id, ExportFormat.Csv));
        }

        return id;
    }

    public string Template(string body = OfferBody) => Ok(new SaveOfferTemplate(null, X.Offer.TemplateName, body));

    public string Offer(string templateId, string? accountId = null, bool rightLines = true)
    {
        var spec = X.Offer;
        var account = accountId ?? spec.AccountId;
        var contact = account == spec.AccountId ? spec.ContactId : State.ContactsOf(account).First().Id;
        var lines = spec.Lines.Select(l => new OfferLineRequest(l.ProductId, rightLines ? l.Quantity : l.Quantity + 1, 0)).ToImmutableList();
        return Ok(new GenerateOffer(templateId, account, contact, account == spec.AccountId ? spec.OpportunityId : null, lines, spec.ValidDays));
    }

    /// <summary>Every task of the sheet done right, in the order a candidate might do them.</summary>
    public Candidate DoEverythingRight()
    {
        var first = NewAccount(0);
        NewAccount(1);
        FixAccount(0);
        FixAccount(1);
        FixContact(0);
        Ok(new SaveSegment(null, X.Segment.Name, X.Segment.Purpose, SegmentConditions(X.Segment)));
        Ok(new CreatePipeline(X.Pipeline.Name, X.Pipeline.Stages));
        foreach (var a in X.StageAssignments)
        {
            AssignStage(a.TaskId, a.StageId);
        }

        Schedule();
        foreach (var p in X.Priorities)
        {
            SetPriority(p.TaskId, p.Priority);
        }

        Ok(new SaveTaskList(null, X.TaskList.Name, X.TaskList.From, X.TaskList.To, []));
        foreach (var q in X.Questions)
        {
            Answer(q.Id);
        }

        NewOpportunity(first);
        Revalue();
        Reassign(X.Reassign.RightAccountId, X.Reassign.RightContactId);
        AddActivities(2);
        Move(0);
        Move(1);
        Close(0);
        Close(1);
        Report(X.StageReport.Name, StageReport());
        Report(X.MonthlyReport.Name, MonthlyReport());
        var offer = Offer(Template());
        Ok(new SendOffer(offer, "W załączeniu przesyłam ofertę."));
        return this;
    }

    /// <summary>A different but valid value of the same kind, for data entered wrongly.</summary>
    private static string Wrong(string field, string value) => field switch
    {
        "nip" => value == "5260250274" ? "7740001454" : "5260250274",
        "phone" => "+48 500 000 000",
        "postalCode" => "00-001",
        _ => value + " 1",
    };
}

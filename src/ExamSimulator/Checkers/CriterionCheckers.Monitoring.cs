using Certification.ExamSimulator.Actions;
using Certification.ExamSimulator.Filtering;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Scenarios;
using Certification.ExamSimulator.Text;
using static Certification.ExamSimulator.Checkers.CheckContext;

namespace Certification.ExamSimulator.Checkers;

public static partial class CriterionCheckers
{
    private static (Verdict, string, IEnumerable<Evidence>) CreatesTaskLists(CheckContext c)
    {
        var spec = c.Exercise.TaskList;
        var evidence = new List<Evidence>
        {
            Saw($"Oczekiwana lista: zadania z terminem od {PlFormat.Date(spec.From)} do {PlFormat.Date(spec.To)} " +
                $"({PlFormat.Count(TaskLists.Tasks(c.Final, spec.From, spec.To, []).Count)} zadań)."),
        };
        var best = Verdict.NotMet;
        foreach (var list in c.Final.TaskLists)
        {
            var exact = list.From == spec.From && list.To == spec.To;
            var overlaps = list.From <= spec.To && list.To >= spec.From;
            var verdict = exact ? Verdict.Met : overlaps ? Verdict.PartlyMet : Verdict.NotMet;
            best = (Verdict)Math.Max((int)best, (int)verdict);
            evidence.Add(Saw(
                $"Lista „{list.Name}” ({PlFormat.Date(list.From)}–{PlFormat.Date(list.To)}" +
                (list.Conditions.Count > 0 ? "; " + Filter.Describe(ReportSource.Tasks, list.Conditions) : "") +
                $"), zapisana {When(list.SavedAt)}: {PlFormat.Count(TaskLists.Tasks(c.Final, list).Count)} zadań" +
                (exact ? " — zakres zgodny." : overlaps ? " — zakres inny niż wskazany." : " — zakres poza wskazanym tygodniem.")));
        }

        if (c.Final.TaskLists.IsEmpty)
        {
            evidence.Add(Saw("Nie zapisano żadnej listy zadań."));
        }

        return (best, best switch
        {
            Verdict.Met => "Lista zadań obejmuje wskazany przedział czasu.",
            Verdict.PartlyMet => "Lista zadań obejmuje inny przedział czasu niż wskazany.",
            _ => "Brak listy zadań dla wskazanego przedziału czasu.",
        }, evidence);
    }

    private static (Verdict, string, IEnumerable<Evidence>) SetsPriorities(CheckContext c)
    {
        var evidence = new List<Evidence>();
        var right = 0;
        foreach (var spec in c.Exercise.Priorities)
        {
            var task = c.Final.FindTask(spec.TaskId)!;
            var last = c.Accepted<UpdateTask>().LastOrDefault(u => u.Command.TaskId == spec.TaskId).Entry;
            var ok = task.Data.Priority == spec.Priority;
            right += ok ? 1 : 0;
            evidence.Add(Saw(
                $"Zadanie „{task.Data.Title}”: priorytet {Labels.Of(task.Data.Priority)}" +
                (ok ? " — zgodnie z arkuszem" : $", a powinien być {Labels.Of(spec.Priority)}") +
                (last is null ? "; bez zmian w CRM." : $"; ostatnia zmiana {c.When(last)}."),
                last));
        }

        return (VerdictLabels.Grade(right, c.Exercise.Priorities.Count),
            $"Priorytety ustawione zgodnie z arkuszem: {PlFormat.Count(right)} z {PlFormat.Count(c.Exercise.Priorities.Count)} zadań.", evidence);
    }

    private static (Verdict, string, IEnumerable<Evidence>) ReadsTaskCompletion(CheckContext c) => Answers(c, "2.1.3");

    private static (Verdict, string, IEnumerable<Evidence>) ReadsStageValues(CheckContext c) => Answers(c, "2.1.4");

    /// <summary>Each question of the criterion judged by its last answer, against the CRM as it was when the answer was given.</summary>
    private static (Verdict, string, IEnumerable<Evidence>) Answers(CheckContext c, string criterion)
    {
        var questions = c.Exercise.Questions.Where(q => q.CriterionId == criterion).ToList();
        var evidence = new List<Evidence>();
        var right = 0;
        foreach (var question in questions)
        {
            var answer = c.Accepted<AnswerQuestion>().LastOrDefault(a => a.Command.QuestionId == question.Id);
            if (answer.Entry is null)
            {
                var now = Truth(c.Final, question);
                evidence.Add(Saw($"{question.Id}: brak odpowiedzi (w CRM teraz: {now.Text})."));
                continue;
            }

            var truth = Truth(c.Before(answer.Entry.Sequence), question);
            var given = PlText.ParseAmount(answer.Command.Text);
            var ok = given is { } g && Math.Abs(g - truth.Value) <= truth.Tolerance;
            right += ok ? 1 : 0;
            evidence.Add(Saw(
                $"{question.Id}: odpowiedź „{answer.Command.Text.Trim()}” {c.When(answer.Entry)} — " +
                (ok ? $"zgodna ze stanem CRM w tej chwili ({truth.Text})." : $"niezgodna: w CRM było wtedy {truth.Text}."),
                answer.Entry));
        }

        return (VerdictLabels.Grade(right, questions.Count),
            $"Poprawne odpowiedzi: {PlFormat.Count(right)} z {PlFormat.Count(questions.Count)}.", evidence);
    }

    private static (decimal Value, decimal Tolerance, string Text) Truth(SandboxState state, QuestionSpec question)
    {
        switch (question.Kind)
        {
            case QuestionKind.DoneTasksInStage:
                var done = state.Tasks.Count(t => t.Data.StageId == question.SubjectId && t.Status == CrmTaskStatus.Done);
                return (done, 0, $"{PlFormat.Count(done)} zakończonych");
            case QuestionKind.TaskProgress:
                var progress = state.FindTask(question.SubjectId)?.Progress ?? 0;
                return (progress, 0, PlFormat.Percent(progress));
            default:
                var value = state.Opportunities.Where(o => o.StageId == question.SubjectId && o.Status == OpportunityStatus.Open).Sum(o => o.Details.Value);
                return (value, 1, PlFormat.Money(value));
        }
    }

    private static (Verdict, string, IEnumerable<Evidence>) EntersStages(CheckContext c)
    {
        var spec = c.Exercise.Pipeline;
        var created = c.Final.Pipelines.Where(p => c.CreatedBy(p.Id) is not null).ToList();
        var evidence = new List<Evidence> { Saw($"Oczekiwany lejek „{spec.Name}”: {string.Join(" → ", spec.Stages)}.") };
        if (created.Count == 0)
        {
            evidence.Add(Saw("Nie utworzono nowego lejka."));
            return (Verdict.NotMet, "Etapy sprzedaży nie zostały wprowadzone.", evidence);
        }

        var pipeline = created.FirstOrDefault(p => PlText.SameKey(p.Name, spec.Name))
            ?? created.OrderByDescending(p => p.Stages.Count(s => spec.Stages.Any(e => PlText.SameKey(e, s.Name)))).First();
        var names = pipeline.Stages.Select(s => s.Name).ToList();
        var inOrder = names.Select(PlText.Key).SequenceEqual(spec.Stages.Select(PlText.Key));
        var missing = spec.Stages.Where(e => !names.Any(n => PlText.SameKey(n, e))).ToList();
        var entry = c.CreatedBy(pipeline.Id)!;
        evidence.Add(Saw(
            $"Lejek „{pipeline.Name}” utworzony {c.When(entry)}, etapy: {(names.Count == 0 ? "brak" : string.Join(" → ", names))}" +
            (inOrder ? " — zgodne z arkuszem." : missing.Count > 0 ? $"; brakuje: {string.Join(", ", missing)}." : "; kolejność inna niż w arkuszu."),
            entry));
        var matched = spec.Stages.Count - missing.Count;
        return (inOrder ? Verdict.Met : matched > 0 ? Verdict.PartlyMet : Verdict.NotMet,
            $"Wprowadzone etapy zgodne z arkuszem: {PlFormat.Count(matched)} z {PlFormat.Count(spec.Stages.Count)}" + (inOrder || matched == 0 ? "." : ", kolejność do sprawdzenia."),
            evidence);
    }

    private static (Verdict, string, IEnumerable<Evidence>) AssignsTasksToStages(CheckContext c)
    {
        var evidence = new List<Evidence>();
        var right = 0;
        foreach (var spec in c.Exercise.StageAssignments)
        {
            var task = c.Final.FindTask(spec.TaskId)!;
            var ok = task.Data.StageId == spec.StageId;
            right += ok ? 1 : 0;
            var last = c.Accepted<UpdateTask>().LastOrDefault(u => u.Command.TaskId == spec.TaskId).Entry;
            evidence.Add(Saw(
                $"Zadanie „{task.Data.Title}”: etap " + (task.Data.StageId is null ? "nieprzypisany" : $"„{c.Final.StageName(task.Data.StageId)}”") +
                (ok ? " — zgodnie z arkuszem" : $", a powinien być „{c.Final.StageName(spec.StageId)}”") +
                (last is null ? "." : $"; zmiana {c.When(last)}."),
                last));
        }

        return (VerdictLabels.Grade(right, c.Exercise.StageAssignments.Count),
            $"Zadania przypisane do właściwych etapów: {PlFormat.Count(right)} z {PlFormat.Count(c.Exercise.StageAssignments.Count)}.", evidence);
    }

    private static (Verdict, string, IEnumerable<Evidence>) SetsSchedule(CheckContext c)
    {
        var spec = c.Exercise.Schedule;
        var opportunity = c.Final.FindOpportunity(spec.OpportunityId)!;
        var tasks = c.Final.Tasks.Where(t => t.Data.OpportunityId == spec.OpportunityId && c.CreatedBy(t.Id) is not null).ToList();
        var evidence = new List<Evidence>();
        if (tasks.Count == 0)
        {
            evidence.Add(Saw($"Brak nowych zadań powiązanych z szansą „{opportunity.Details.Name}”."));
            return (Verdict.NotMet, "Harmonogram nie został ustalony.", evidence);
        }

        foreach (var task in tasks.OrderBy(t => t.Data.DueDate))
        {
            var inWindow = task.Data.DueDate >= spec.From && task.Data.DueDate <= spec.To;
            evidence.Add(Saw(
                $"Zadanie „{task.Data.Title}”: termin {PlFormat.Date(task.Data.DueDate)}" +
                (task.Data.StageId is null ? ", bez etapu" : $", etap „{c.Final.StageName(task.Data.StageId)}”") +
                (inWindow ? "" : $" — termin poza okresem {PlFormat.Date(spec.From)}–{PlFormat.Date(spec.To)}") + ".",
                c.CreatedBy(task.Id)));
        }

        // Per stage the earliest task in the window; the schedule holds when every stage has one and their dates follow the stages.
        var firstDates = spec.StageIds
            .Select(stage => tasks.Where(t => t.Data.StageId == stage && t.Data.DueDate >= spec.From && t.Data.DueDate <= spec.To)
                .Select(t => (DateOnly?)t.Data.DueDate).Min())
            .ToList();
        var covered = firstDates.Count(d => d is not null);
        var ordered = firstDates.All(d => d is not null) && firstDates.Zip(firstDates.Skip(1)).All(p => p.First <= p.Second);
        var anyInWindow = tasks.Any(t => t.Data.DueDate >= spec.From && t.Data.DueDate <= spec.To);
        if (covered == spec.StageIds.Count && !ordered)
        {
            evidence.Add(Saw("Terminy zadań nie następują po sobie w kolejności etapów."));
        }

        return (covered == spec.StageIds.Count && ordered ? Verdict.Met : anyInWindow ? Verdict.PartlyMet : Verdict.NotMet,
            $"Etapy z zaplanowanym zadaniem w terminie: {PlFormat.Count(covered)} z {PlFormat.Count(spec.StageIds.Count)}" +
            (covered == spec.StageIds.Count && !ordered ? "; kolejność terminów do poprawy." : "."),
            evidence);
    }
}

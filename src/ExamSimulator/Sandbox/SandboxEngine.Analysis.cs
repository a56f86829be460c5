using Certification.ExamSimulator.Filtering;
using Certification.ExamSimulator.Reports;
using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Sandbox;

public static partial class SandboxEngine
{
    private const int MaxConditions = 10;

    private static Step Handle(SandboxState state, SaveSegment command, Now now)
    {
        var existing = command.SegmentId is null ? null : state.FindSegment(command.SegmentId);
        if (command.SegmentId is not null && existing is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.SegmentNotFound, "Segment", command.SegmentId));
        }

        var errors = new List<CommandError>();
        RequireText(errors, command.Name, "name", FieldLabels.SegmentName, ShortNameLength);
        OptionalText(errors, command.Purpose, "purpose", FieldLabels.SegmentPurpose, TextLength);
        if (!string.IsNullOrWhiteSpace(command.Name) && state.Segments.Exists(s => s.Id != existing?.Id && PlText.SameKey(s.Name, command.Name)))
        {
            errors.Add(Refusals.NameTaken(RefusalCodes.SegmentNameTaken, "Segment", command.Name.Trim()));
        }

        if (command.Conditions.Count == 0)
        {
            errors.Add(Refusals.ConditionsRequired());
        }

        CheckConditionCount(errors, command.Conditions.Count);
        errors.AddRange(Filter.Validate(ReportSource.Accounts, command.Conditions));
        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var counters = existing is null ? state.Counters with { Segments = state.Counters.Segments + 1 } : state.Counters;
        var segment = new Segment(
            existing?.Id ?? SandboxState.Id("seg", counters.Segments), command.Name.Trim(), InputRules.Clean(command.Purpose), command.Conditions, now.At, now.Actor);
        var members = Filter.Apply(state, ReportSource.Accounts, segment.Conditions).Count;
        var segments = existing is null ? state.Segments.Add(segment) : state.Segments.Replace(existing, segment);
        return Done(state with { Counters = counters, Segments = segments },
            $"Zapisano segment {Quoted(segment.Name)} ({Filter.Describe(ReportSource.Accounts, segment.Conditions)}): {Clients(members)}.", segment.Id);
    }

    private static Step Handle(SandboxState state, DeleteSegment command)
    {
        var segment = state.FindSegment(command.SegmentId);
        return segment is null
            ? Refuse(state, Refusals.NotFound(RefusalCodes.SegmentNotFound, "Segment", command.SegmentId))
            : Done(state with { Segments = state.Segments.Remove(segment) }, $"Usunięto segment {Quoted(segment.Name)}.");
    }

    private static Step Handle(SandboxState state, SaveTaskList command, Now now)
    {
        var existing = command.TaskListId is null ? null : state.FindTaskList(command.TaskListId);
        if (command.TaskListId is not null && existing is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.TaskListNotFound, "Lista zadań", command.TaskListId));
        }

        var errors = new List<CommandError>();
        RequireText(errors, command.Name, "name", FieldLabels.TaskListName, ShortNameLength);
        if (!string.IsNullOrWhiteSpace(command.Name) && state.TaskLists.Exists(l => l.Id != existing?.Id && PlText.SameKey(l.Name, command.Name)))
        {
            errors.Add(Refusals.NameTaken(RefusalCodes.TaskListNameTaken, "Lista zadań", command.Name.Trim()));
        }

        if (command.To < command.From)
        {
            errors.Add(Refusals.Range());
        }
        else if (command.To.DayNumber - command.From.DayNumber > 366)
        {
            errors.Add(Refusals.RangeTooLong());
        }

        CheckConditionCount(errors, command.Conditions.Count);
        errors.AddRange(Filter.Validate(ReportSource.Tasks, command.Conditions));
        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var counters = existing is null ? state.Counters with { TaskLists = state.Counters.TaskLists + 1 } : state.Counters;
        var list = new TaskList(
            existing?.Id ?? SandboxState.Id("lst", counters.TaskLists), command.Name.Trim(), command.From, command.To, command.Conditions, now.At, now.Actor);
        var lists = existing is null ? state.TaskLists.Add(list) : state.TaskLists.Replace(existing, list);
        var count = TaskLists.Tasks(state, list).Count;
        return Done(state with { Counters = counters, TaskLists = lists },
            $"Zapisano listę zadań {Quoted(list.Name)} ({PlFormat.Date(list.From)}–{PlFormat.Date(list.To)}" +
            (list.Conditions.Count == 0 ? "" : "; " + Filter.Describe(ReportSource.Tasks, list.Conditions)) + $"): {PlFormat.Count(count)} zadań.",
            list.Id);
    }

    private static Step Handle(SandboxState state, DeleteTaskList command)
    {
        var list = state.FindTaskList(command.TaskListId);
        return list is null
            ? Refuse(state, Refusals.NotFound(RefusalCodes.TaskListNotFound, "Lista zadań", command.TaskListId))
            : Done(state with { TaskLists = state.TaskLists.Remove(list) }, $"Usunięto listę zadań {Quoted(list.Name)}.");
    }

    private static Step Handle(SandboxState state, SaveReport command, Now now)
    {
        var existing = command.ReportId is null ? null : state.FindReport(command.ReportId);
        if (command.ReportId is not null && existing is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.ReportNotFound, "Raport", command.ReportId));
        }

        var errors = new List<CommandError>();
        RequireText(errors, command.Name, "name", FieldLabels.ReportName, ShortNameLength);
        if (!string.IsNullOrWhiteSpace(command.Name) && state.Reports.Exists(r => r.Id != existing?.Id && PlText.SameKey(r.Name, command.Name)))
        {
            errors.Add(Refusals.NameTaken(RefusalCodes.ReportNameTaken, "Raport", command.Name.Trim()));
        }

        CheckConditionCount(errors, command.Definition.Filters.Count);
        errors.AddRange(ReportEngine.Validate(command.Definition));
        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var counters = existing is null ? state.Counters with { Reports = state.Counters.Reports + 1 } : state.Counters;
        var report = new SavedReport(
            existing?.Id ?? SandboxState.Id("rep", counters.Reports), command.Name.Trim(), command.Definition, now.At, now.Actor, existing?.Exports ?? []);
        var reports = existing is null ? state.Reports.Add(report) : state.Reports.Replace(existing, report);
        return Done(state with { Counters = counters, Reports = reports }, $"Zapisano raport {Quoted(report.Name)}: {ReportText.Describe(report.Definition)}.", report.Id);
    }

    private static Step Handle(SandboxState state, DeleteReport command)
    {
        var report = state.FindReport(command.ReportId);
        return report is null
            ? Refuse(state, Refusals.NotFound(RefusalCodes.ReportNotFound, "Raport", command.ReportId))
            : Done(state with { Reports = state.Reports.Remove(report) }, $"Usunięto raport {Quoted(report.Name)}.");
    }

    private static Step Handle(SandboxState state, ExportReport command, Now now)
    {
        var report = state.FindReport(command.ReportId);
        if (report is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.ReportNotFound, "Raport", command.ReportId));
        }

        if (!Enum.IsDefined(command.Format))
        {
            return Refuse(state, Refusals.ExportFormat());
        }

        var rows = ReportEngine.Run(state, report.Name, report.Definition).Rows.Count;
        var updated = report with { Exports = report.Exports.Add(new ReportExport(now.At, now.Actor, command.Format, rows)) };
        return Done(state with { Reports = state.Reports.Replace(report, updated) },
            $"Wyeksportowano raport {Quoted(report.Name)} do pliku CSV ({PlFormat.Count(rows)} wierszy).");
    }

    private static Step Handle(SandboxState state, AnswerQuestion command, Now now)
    {
        var errors = new List<CommandError>();
        if (!state.QuestionIds.Contains(command.QuestionId))
        {
            errors.Add(Refusals.QuestionUnknown(command.QuestionId));
        }

        RequireText(errors, command.Text, "text", FieldLabels.Answer, NameLength);
        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        return Done(state with { Answers = state.Answers.Add(new SheetAnswer(command.QuestionId, command.Text.Trim(), now.At, now.Actor)) },
            $"Odpowiedź na pytanie {command.QuestionId}: {Quoted(command.Text.Trim())}.");
    }

    private static void CheckConditionCount(List<CommandError> errors, int count)
    {
        if (count > MaxConditions)
        {
            errors.Add(Refusals.TooManyConditions(MaxConditions));
        }
    }

    private static string Clients(int count) => count == 1 ? "1 klient" : $"{PlFormat.Count(count)} klientów";
}

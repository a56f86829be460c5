using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Sandbox;

public static partial class SandboxEngine
{
    private static Step Handle(SandboxState state, CreateTask command, Now now)
    {
        var (data, errors) = CheckTask(state, command.Data, null, now);
        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var counters = state.Counters with { Tasks = state.Counters.Tasks + 1 };
        var task = new CrmTask(SandboxState.Id("tsk", counters.Tasks), data, CrmTaskStatus.ToDo, 0, now.At, now.Actor);
        return Done(state with { Counters = counters, Tasks = state.Tasks.Add(task) },
            $"Dodano zadanie {Quoted(data.Title)}: termin {PlFormat.Date(data.DueDate)}, priorytet {Labels.Of(data.Priority)}" + Where(state, data) + ".",
            task.Id);
    }

    private static Step Handle(SandboxState state, UpdateTask command, Now now)
    {
        var task = state.FindTask(command.TaskId);
        if (task is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.TaskNotFound, "Zadanie", command.TaskId));
        }

        var (data, errors) = CheckTask(state, command.Data, task, now);
        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var before = task.Data;
        var changes = Changes(
            ("tytuł", before.Title, data.Title),
            ("termin", PlFormat.Date(before.DueDate), PlFormat.Date(data.DueDate)),
            ("priorytet", Labels.Of(before.Priority), Labels.Of(data.Priority)),
            ("klient", state.AccountName(before.AccountId), state.AccountName(data.AccountId)),
            ("szansa", state.FindOpportunity(before.OpportunityId)?.Details.Name, state.FindOpportunity(data.OpportunityId)?.Details.Name),
            ("lejek", state.FindPipeline(before.PipelineId)?.Name, state.FindPipeline(data.PipelineId)?.Name),
            ("etap", state.StageName(before.StageId), state.StageName(data.StageId)),
            ("notatki", before.Notes, data.Notes));
        return Done(state with { Tasks = state.Tasks.Replace(task, task with { Data = data }) },
            changes.Length == 0 ? $"Zapisano zadanie {Quoted(data.Title)} bez zmian." : $"Zmieniono zadanie {Quoted(data.Title)}: {changes}.");
    }

    private static Step Handle(SandboxState state, UpdateTaskProgress command)
    {
        var task = state.FindTask(command.TaskId);
        if (task is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.TaskNotFound, "Zadanie", command.TaskId));
        }

        if (command.Progress is < 0 or > 100)
        {
            return Refuse(state, Refusals.Progress());
        }

        var consistent = command.Status switch
        {
            CrmTaskStatus.Done => command.Progress == 100,
            CrmTaskStatus.ToDo => command.Progress == 0,
            _ => command.Progress is > 0 and < 100,
        };
        if (!consistent)
        {
            return Refuse(state, Refusals.ProgressStatus(command.Status));
        }

        return Done(state with { Tasks = state.Tasks.Replace(task, task with { Status = command.Status, Progress = command.Progress }) },
            $"Zadanie {Quoted(task.Data.Title)}: status {Labels.Of(task.Status)} → {Labels.Of(command.Status)}, realizacja {PlFormat.Percent(task.Progress)} → {PlFormat.Percent(command.Progress)}.");
    }

    private static string Where(SandboxState state, CrmTaskData data)
    {
        var parts = new List<string>();
        if (state.FindOpportunity(data.OpportunityId) is { } opportunity)
        {
            parts.Add($"szansa {Quoted(opportunity.Details.Name)}");
        }
        else if (state.FindAccount(data.AccountId) is { } account)
        {
            parts.Add($"klient {Quoted(account.Data.Name)}");
        }

        if (data.StageId is not null)
        {
            parts.Add($"etap {Quoted(state.StageName(data.StageId))} lejka {Quoted(state.FindPipeline(data.PipelineId)?.Name ?? "")}");
        }

        return parts.Count == 0 ? "" : ", " + string.Join(", ", parts);
    }

    private static (CrmTaskData Data, List<CommandError> Errors) CheckTask(SandboxState state, CrmTaskData input, CrmTask? existing, Now now)
    {
        var errors = new List<CommandError>();
        RequireText(errors, input.Title, "title", FieldLabels.TaskTitle, NameLength);
        OptionalText(errors, input.Notes, "notes", FieldLabels.TaskNotes, TextLength);
        if (input.DueDate < now.Today && input.DueDate != existing?.Data.DueDate)
        {
            errors.Add(Refusals.DateInPast(RefusalCodes.DueDatePast, FieldLabels.TaskDue, now.Today));
        }

        if (!Enum.IsDefined(input.Priority))
        {
            errors.Add(Refusals.TaskPriority());
        }

        var accountId = InputRules.Clean(input.AccountId);
        var account = state.FindAccount(accountId);
        if (accountId is not null && account is null)
        {
            errors.Add(Refusals.NotFound(RefusalCodes.AccountNotFound, "Klient", accountId));
        }

        var opportunityId = InputRules.Clean(input.OpportunityId);
        var opportunity = state.FindOpportunity(opportunityId);
        if (opportunityId is not null && opportunity is null)
        {
            errors.Add(Refusals.NotFound(RefusalCodes.OpportunityNotFound, "Szansa sprzedaży", opportunityId));
        }
        else if (opportunity is not null && account is not null && opportunity.Details.AccountId != account.Id)
        {
            errors.Add(Refusals.OpportunityOfOtherAccount(opportunity.Details.Name, account.Data.Name));
        }

        var pipelineId = InputRules.Clean(input.PipelineId);
        var stageId = InputRules.Clean(input.StageId);
        var pipeline = state.FindPipeline(pipelineId);
        if (pipelineId is not null && pipeline is null)
        {
            errors.Add(Refusals.NotFound(RefusalCodes.PipelineNotFound, "Lejek", pipelineId));
        }
        else if (stageId is not null && pipeline is null)
        {
            errors.Add(Refusals.TaskStageWithoutPipeline());
        }
        else if (stageId is not null && !pipeline!.Stages.Exists(s => s.Id == stageId))
        {
            errors.Add(Refusals.StageOfOtherPipeline(state.StageName(stageId) is { Length: > 0 } n ? n : stageId, pipeline.Name));
        }

        // A task about an opportunity is also about its account, so lists by client find it.
        var data = new CrmTaskData(
            input.Title?.Trim() ?? "", input.DueDate, input.Priority, account?.Id ?? opportunity?.Details.AccountId, opportunity?.Id,
            pipeline?.Id, stageId, InputRules.Clean(input.Notes));
        return (data, errors);
    }
}

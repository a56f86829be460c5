using Certification.ExamSimulator.Sandbox;

namespace Certification.ExamSimulator.Filtering;

/// <summary>What a task list shows: the tasks due in its range that meet its conditions, by due date then priority.</summary>
public static class TaskLists
{
    public static IReadOnlyList<CrmTask> Tasks(SandboxState state, TaskList list) =>
        Tasks(state, list.From, list.To, list.Conditions);

    public static IReadOnlyList<CrmTask> Tasks(SandboxState state, DateOnly from, DateOnly to, IReadOnlyList<FilterCondition> conditions) =>
        [.. state.Tasks
            .Where(t => t.Data.DueDate >= from && t.Data.DueDate <= to)
            .Where(t => conditions.All(c => Filter.Holds(state, ReportSource.Tasks, new SourceRow(t.Id, t), c)))
            .OrderBy(t => t.Data.DueDate)
            .ThenByDescending(t => t.Data.Priority)
            .ThenBy(t => t.Id, StringComparer.Ordinal)];
}

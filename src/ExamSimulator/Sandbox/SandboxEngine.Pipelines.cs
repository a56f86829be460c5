using System.Collections.Immutable;
using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Sandbox;

public static partial class SandboxEngine
{
    private const int StageNameLength = 60;
    private const int MaxStages = 12;

    private static Step Handle(SandboxState state, CreatePipeline command, Now now)
    {
        var errors = new List<CommandError>();
        RequireText(errors, command.Name, "name", FieldLabels.PipelineName, ShortNameLength);
        var name = command.Name?.Trim() ?? "";
        if (name.Length > 0 && state.Pipelines.Exists(p => PlText.SameKey(p.Name, name)))
        {
            errors.Add(Refusals.NameTaken(RefusalCodes.PipelineNameTaken, "Lejek", name));
        }

        var stageNames = command.StageNames.Select(s => s?.Trim() ?? "").ToList();
        if (stageNames.Count > MaxStages)
        {
            errors.Add(Refusals.TooManyStages("stageNames", MaxStages));
        }

        foreach (var stageName in stageNames)
        {
            RequireText(errors, stageName, "stageNames", FieldLabels.StageName, StageNameLength);
        }

        foreach (var repeated in stageNames.Where(n => n.Length > 0).GroupBy(PlText.Key).Where(g => g.Count() > 1))
        {
            errors.Add(Refusals.StageNameRepeated(repeated.First()));
        }

        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var counters = state.Counters with { Pipelines = state.Counters.Pipelines + 1 };
        var stages = ImmutableList.CreateBuilder<Stage>();
        for (var i = 0; i < stageNames.Count; i++)
        {
            counters = counters with { Stages = counters.Stages + 1 };
            stages.Add(new Stage(SandboxState.Id("stg", counters.Stages), stageNames[i], (i + 1) * 100 / (stageNames.Count + 1)));
        }

        var pipeline = new Pipeline(SandboxState.Id("pip", counters.Pipelines), name, stages.ToImmutable(), now.At, now.Actor);
        var summary = stageNames.Count == 0
            ? $"Utworzono lejek {Quoted(name)} bez etapów."
            : $"Utworzono lejek {Quoted(name)} z etapami: {string.Join(" → ", stageNames)}.";
        return Done(state with { Counters = counters, Pipelines = state.Pipelines.Add(pipeline) }, summary, pipeline.Id);
    }

    private static Step Handle(SandboxState state, AddStage command)
    {
        var pipeline = state.FindPipeline(command.PipelineId);
        if (pipeline is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.PipelineNotFound, "Lejek", command.PipelineId));
        }

        var errors = CheckStage(pipeline, null, command.Name, command.Probability);
        var position = command.Position ?? pipeline.Stages.Count;
        if (position < 0 || position > pipeline.Stages.Count)
        {
            errors.Add(Refusals.StagePosition(pipeline.Stages.Count + 1));
        }

        if (pipeline.Stages.Count >= MaxStages)
        {
            errors.Add(Refusals.TooManyStages("pipelineId", MaxStages));
        }

        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var counters = state.Counters with { Stages = state.Counters.Stages + 1 };
        var stage = new Stage(SandboxState.Id("stg", counters.Stages), command.Name.Trim(), command.Probability);
        var updated = pipeline with { Stages = pipeline.Stages.Insert(position, stage) };
        return Done(state with { Counters = counters, Pipelines = state.Pipelines.Replace(pipeline, updated) },
            $"Dodano etap {Quoted(stage.Name)} do lejka {Quoted(pipeline.Name)} jako {PlFormat.Count(position + 1)}. etap: {string.Join(" → ", updated.Stages.Select(s => s.Name))}.",
            stage.Id);
    }

    private static Step Handle(SandboxState state, UpdateStage command)
    {
        var pipeline = state.FindPipeline(command.PipelineId);
        if (pipeline is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.PipelineNotFound, "Lejek", command.PipelineId));
        }

        var stage = pipeline.Stages.Find(s => s.Id == command.StageId);
        if (stage is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.StageNotFound, "Etap", command.StageId));
        }

        var errors = CheckStage(pipeline, stage.Id, command.Name, command.Probability);
        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var renamed = stage with { Name = command.Name.Trim(), Probability = command.Probability };
        var updated = pipeline with { Stages = pipeline.Stages.Replace(stage, renamed) };
        return Done(state with { Pipelines = state.Pipelines.Replace(pipeline, updated) },
            $"Zmieniono etap lejka {Quoted(pipeline.Name)}: " +
            Changes(("nazwa", stage.Name, renamed.Name), ("prawdopodobieństwo", PlFormat.Percent(stage.Probability), PlFormat.Percent(renamed.Probability))) + ".");
    }

    private static Step Handle(SandboxState state, MoveStage command)
    {
        var pipeline = state.FindPipeline(command.PipelineId);
        if (pipeline is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.PipelineNotFound, "Lejek", command.PipelineId));
        }

        var stage = pipeline.Stages.Find(s => s.Id == command.StageId);
        if (stage is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.StageNotFound, "Etap", command.StageId));
        }

        if (command.Position < 0 || command.Position >= pipeline.Stages.Count)
        {
            return Refuse(state, Refusals.StagePosition(pipeline.Stages.Count));
        }

        var updated = pipeline with { Stages = pipeline.Stages.Remove(stage).Insert(command.Position, stage) };
        return Done(state with { Pipelines = state.Pipelines.Replace(pipeline, updated) },
            $"Zmieniono kolejność etapów lejka {Quoted(pipeline.Name)}: {string.Join(" → ", updated.Stages.Select(s => s.Name))}.");
    }

    private static Step Handle(SandboxState state, RemoveStage command)
    {
        var pipeline = state.FindPipeline(command.PipelineId);
        if (pipeline is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.PipelineNotFound, "Lejek", command.PipelineId));
        }

        var stage = pipeline.Stages.Find(s => s.Id == command.StageId);
        if (stage is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.StageNotFound, "Etap", command.StageId));
        }

        var inUse = state.Opportunities.Exists(o => o.StageId == stage.Id || o.Activities.Exists(a => a.StageId == stage.Id))
            || state.Tasks.Exists(t => t.Data.StageId == stage.Id);
        if (inUse)
        {
            return Refuse(state, Refusals.StageInUse(stage.Name));
        }

        var updated = pipeline with { Stages = pipeline.Stages.Remove(stage) };
        return Done(state with { Pipelines = state.Pipelines.Replace(pipeline, updated) },
            $"Usunięto etap {Quoted(stage.Name)} z lejka {Quoted(pipeline.Name)}.");
    }

    private static List<CommandError> CheckStage(Pipeline pipeline, string? stageId, string? name, int probability)
    {
        var errors = new List<CommandError>();
        RequireText(errors, name, "name", FieldLabels.StageName, StageNameLength);
        if (!string.IsNullOrWhiteSpace(name) && pipeline.Stages.Exists(s => s.Id != stageId && PlText.SameKey(s.Name, name)))
        {
            errors.Add(Refusals.StageNameRepeated(name.Trim()));
        }

        if (probability is < 0 or > 100)
        {
            errors.Add(Refusals.Probability());
        }

        return errors;
    }
}

using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Text;
using static Certification.ExamSimulator.Checkers.CheckContext;

namespace Certification.ExamSimulator.Checkers;

public static partial class CriterionCheckers
{
    /// <summary>The opportunity the candidate created for the new client: by name, else on the new client's account.</summary>
    private static Opportunity? NewOpportunity(CheckContext c)
    {
        var spec = c.Exercise.NewOpportunity;
        var created = c.Final.Opportunities.Where(o => c.CreatedBy(o.Id) is not null).ToList();
        var account = NewAccount(c, c.Exercise.NewAccounts[spec.NewAccountIndex]).Account;
        return created.FirstOrDefault(o => PlText.SameKey(o.Details.Name, spec.Name))
            ?? created.FirstOrDefault(o => account is not null && o.Details.AccountId == account.Id);
    }

    private static string Describe(CheckContext c, Opportunity o) =>
        $"„{o.Details.Name}” ({c.Final.AccountName(o.Details.AccountId)}): wartość {PlFormat.Money(o.Details.Value)}, etap „{c.Final.StageName(o.StageId)}”" +
        (o.Status == OpportunityStatus.Open ? "" : $", {Labels.Of(o.Status).ToLowerInvariant()}");

    private static (Verdict, string, IEnumerable<Evidence>) AddsAndEditsOpportunities(CheckContext c)
    {
        var evidence = new List<Evidence>();
        var created = NewOpportunity(c);
        evidence.Add(created is null
            ? Saw($"Brak szansy „{c.Exercise.NewOpportunity.Name}”.")
            : Saw($"Dodano szansę {Describe(c, created)} {c.When(c.CreatedBy(created.Id)!)}.", c.CreatedBy(created.Id)));
        evidence.AddRange(c.RefusedAttempts<CreateOpportunity>(_ => true, "dodania szansy"));

        var edited = c.Exercise.ValueChange.OpportunityId;
        var edits = c.Accepted<UpdateOpportunity>().Where(u => u.Command.OpportunityId == edited).ToList();
        var opportunity = c.Final.FindOpportunity(edited)!;
        evidence.Add(edits.Count == 0
            ? Saw($"Szansa „{opportunity.Details.Name}” nie była edytowana.")
            : Saw($"Edycja szansy „{opportunity.Details.Name}” {c.When(edits[^1].Entry)}: {edits[^1].Entry.Outcome.Summary}", edits[^1].Entry));
        var done = (created is null ? 0 : 1) + (edits.Count == 0 ? 0 : 1);
        return (VerdictLabels.Grade(done, 2), $"Dodana i edytowana szansa: {PlFormat.Count(done)} z 2 czynności.", evidence);
    }

    private static (Verdict, string, IEnumerable<Evidence>) AssignsValueAndStage(CheckContext c)
    {
        var spec = c.Exercise.NewOpportunity;
        var change = c.Exercise.ValueChange;
        var evidence = new List<Evidence>();
        var points = 0;
        var created = NewOpportunity(c);
        if (created is null)
        {
            evidence.Add(Saw($"Brak szansy „{spec.Name}”: nie nadano wartości ani etapu."));
        }
        else
        {
            var entry = c.CreatedBy(created.Id)!;
            var stageAtCreation = ((CreateOpportunity)entry.Command).StageId;
            var valueRight = created.Details.Value == spec.Value;
            var stageRight = stageAtCreation == spec.StageId;
            points += valueRight && stageRight ? 2 : valueRight || stageRight ? 1 : 0;
            evidence.Add(Saw(
                $"Szansa {Describe(c, created)}; przy dodaniu etap „{c.Final.StageName(stageAtCreation)}”" +
                (valueRight ? "" : $"; wartość powinna wynosić {PlFormat.Money(spec.Value)}") +
                (stageRight ? "" : $"; etap powinien być „{c.Final.StageName(spec.StageId)}”") + ".",
                entry));
        }

        var revalued = c.Final.FindOpportunity(change.OpportunityId)!;
        var revaluedRight = revalued.Details.Value == change.NewValue;
        points += revaluedRight ? 2 : 0;
        evidence.Add(Saw($"Szansa „{revalued.Details.Name}”: wartość {PlFormat.Money(revalued.Details.Value)}" +
            (revaluedRight ? " — zgodnie z arkuszem." : $", a powinna wynosić {PlFormat.Money(change.NewValue)}.")));
        return (points == 4 ? Verdict.Met : points > 0 ? Verdict.PartlyMet : Verdict.NotMet,
            $"Wartości i etapy zgodne z arkuszem: {PlFormat.Count(points)} z 4 elementów.", evidence);
    }

    private static (Verdict, string, IEnumerable<Evidence>) EntersStageActivities(CheckContext c)
    {
        var spec = c.Exercise.Activities;
        var opportunity = c.Final.FindOpportunity(spec.OpportunityId)!;
        var added = opportunity.Activities.Where(a => a.StageId == spec.StageId && c.CreatedBy(a.Id) is not null).ToList();
        var evidence = added.Select(a => Saw(
            $"Szansa „{opportunity.Details.Name}”, etap „{c.Final.StageName(a.StageId)}”: czynność „{a.Description}” dodana {When(a.CreatedAt)}" +
            (a.Done ? $", wykonana {When(a.DoneAt!.Value)}." : ", niewykonana."), c.CreatedBy(a.Id))).ToList();
        if (added.Count == 0)
        {
            evidence.Add(Saw($"Szansa „{opportunity.Details.Name}”: brak czynności dla etapu „{c.Final.StageName(spec.StageId)}”."));
        }

        return (added.Count >= spec.MinCount ? Verdict.Met : added.Count > 0 ? Verdict.PartlyMet : Verdict.NotMet,
            $"Czynności konieczne do zamknięcia etapu: {PlFormat.Count(added.Count)} (wymagane co najmniej {PlFormat.Count(spec.MinCount)}).", evidence);
    }

    private static (Verdict, string, IEnumerable<Evidence>) MovesOpportunities(CheckContext c)
    {
        var evidence = new List<Evidence>();
        var done = 0;
        foreach (var move in c.Exercise.Moves)
        {
            var opportunity = c.Final.FindOpportunity(move.OpportunityId)!;
            var pipeline = c.Final.FindPipeline(opportunity.PipelineId)!;
            var target = pipeline.Stages.FindIndex(s => s.Id == move.ToStageId);
            var moves = opportunity.History.Where(h => h.Kind == OpportunityChangeKind.Moved && c.Initial.FindOpportunity(move.OpportunityId)!.History.All(i => i != h)).ToList();
            foreach (var m in moves)
            {
                evidence.Add(Saw($"Szansa „{opportunity.Details.Name}” dla {c.Final.AccountName(opportunity.Details.AccountId)} przeniesiona z " +
                    $"„{c.Final.StageName(m.FromStageId)}” do „{c.Final.StageName(m.ToStageId)}” {When(m.At)}."));
            }

            var reached = pipeline.Stages.FindIndex(s => s.Id == opportunity.StageId) >= target && moves.Count > 0;
            done += reached ? 1 : 0;
            if (!reached)
            {
                evidence.Add(Saw($"Szansa „{opportunity.Details.Name}” jest na etapie „{c.Final.StageName(opportunity.StageId)}”; " +
                    $"miała przejść do „{c.Final.StageName(move.ToStageId)}”."));
            }

            evidence.AddRange(c.RefusedAttempts<MoveOpportunity>(m => m.OpportunityId == move.OpportunityId, $"przeniesienia szansy „{opportunity.Details.Name}”"));
        }

        return (VerdictLabels.Grade(done, c.Exercise.Moves.Count),
            $"Szanse przeniesione do wskazanych etapów: {PlFormat.Count(done)} z {PlFormat.Count(c.Exercise.Moves.Count)}.", evidence);
    }

    private static (Verdict, string, IEnumerable<Evidence>) AssignsAccount(CheckContext c)
    {
        var evidence = new List<Evidence>();
        var done = 0;
        var created = NewOpportunity(c);
        var newAccount = NewAccount(c, c.Exercise.NewAccounts[c.Exercise.NewOpportunity.NewAccountIndex]).Account;
        if (created is not null && newAccount is not null && created.Details.AccountId == newAccount.Id)
        {
            done++;
            evidence.Add(Saw($"Szansa „{created.Details.Name}” przypisana do nowego klienta „{newAccount.Data.Name}”.", c.CreatedBy(created.Id)));
        }
        else
        {
            evidence.Add(Saw(created is null
                ? $"Brak szansy „{c.Exercise.NewOpportunity.Name}” dla nowego klienta."
                : $"Szansa „{created.Details.Name}” przypisana do „{c.Final.AccountName(created.Details.AccountId)}”, a powinna do nowego klienta " +
                  $"„{c.Exercise.NewAccounts[c.Exercise.NewOpportunity.NewAccountIndex].Data.Name}”."));
        }

        var reassign = c.Exercise.Reassign;
        var moved = c.Final.FindOpportunity(reassign.OpportunityId)!;
        var entry = c.Accepted<UpdateOpportunity>().LastOrDefault(u => u.Command.OpportunityId == reassign.OpportunityId).Entry;
        if (moved.Details.AccountId == reassign.RightAccountId)
        {
            done++;
            evidence.Add(Saw($"Szansa „{moved.Details.Name}” przypisana do klienta „{c.Final.AccountName(reassign.RightAccountId)}” {(entry is null ? "" : c.When(entry))}.", entry));
        }
        else
        {
            evidence.Add(Saw($"Szansa „{moved.Details.Name}” jest przypisana do „{c.Final.AccountName(moved.Details.AccountId)}”, a powinna do " +
                $"„{c.Final.AccountName(reassign.RightAccountId)}”."));
        }

        evidence.AddRange(c.RefusedAttempts<UpdateOpportunity>(u => u.OpportunityId == reassign.OpportunityId, $"zmiany szansy „{moved.Details.Name}”"));
        return (VerdictLabels.Grade(done, 2), $"Szanse przypisane do właściwych klientów: {PlFormat.Count(done)} z 2.", evidence);
    }

    private static (Verdict, string, IEnumerable<Evidence>) ClosesOpportunities(CheckContext c)
    {
        var evidence = new List<Evidence>();
        var done = 0;
        foreach (var close in c.Exercise.Closes)
        {
            var opportunity = c.Final.FindOpportunity(close.OpportunityId)!;
            var wanted = close.Won ? OpportunityStatus.Won : OpportunityStatus.Lost;
            var change = opportunity.History.LastOrDefault(h => h.Kind is OpportunityChangeKind.Won or OpportunityChangeKind.Lost);
            if (opportunity.Status == wanted)
            {
                done++;
                evidence.Add(Saw($"Szansa „{opportunity.Details.Name}” dla {c.Final.AccountName(opportunity.Details.AccountId)}: " +
                    $"„{c.Final.StageName(opportunity.StageId)}” → {Labels.Of(wanted)} {When(change!.At)}" +
                    (opportunity.CloseReason is null ? "." : $"; przyczyna: {opportunity.CloseReason}.")));
            }
            else
            {
                evidence.Add(Saw($"Szansa „{opportunity.Details.Name}” jest {Labels.Of(opportunity.Status).ToLowerInvariant()}, a powinna być " +
                    $"{Labels.Of(wanted).ToLowerInvariant()}."));
            }

            evidence.AddRange(c.RefusedAttempts<CloseOpportunity>(x => x.OpportunityId == close.OpportunityId, $"zamknięcia szansy „{opportunity.Details.Name}”"));
        }

        return (VerdictLabels.Grade(done, c.Exercise.Closes.Count),
            $"Szanse oznaczone zgodnie z decyzją klienta: {PlFormat.Count(done)} z {PlFormat.Count(c.Exercise.Closes.Count)}.", evidence);
    }
}

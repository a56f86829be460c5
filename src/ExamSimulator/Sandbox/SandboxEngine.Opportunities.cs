using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Sandbox;

public static partial class SandboxEngine
{
    private const decimal MaxValue = 100_000_000m;

    private static Step Handle(SandboxState state, CreateOpportunity command, Now now)
    {
        var (details, errors) = CheckOpportunity(state, command.Details, null, now);
        var pipeline = state.FindPipeline(command.PipelineId);
        if (pipeline is null)
        {
            errors.Add(Refusals.NotFound(RefusalCodes.PipelineNotFound, "Lejek", command.PipelineId));
        }
        else if (!pipeline.Stages.Exists(s => s.Id == command.StageId))
        {
            errors.Add(pipeline.Stages.Count == 0
                ? Refusals.PipelineWithoutStages(pipeline.Name)
                : Refusals.StageOfOtherPipeline(state.StageName(command.StageId) is { Length: > 0 } n ? n : command.StageId, pipeline.Name));
        }

        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var counters = state.Counters with { Opportunities = state.Counters.Opportunities + 1 };
        var id = SandboxState.Id("opp", counters.Opportunities);
        var opportunity = new Opportunity(
            id, details, pipeline!.Id, command.StageId, OpportunityStatus.Open, null, null, now.At, now.Actor, [],
            [new OpportunityChange(now.At, now.Actor, OpportunityChangeKind.Created, null, command.StageId, null)]);
        return Done(state with { Counters = counters, Opportunities = state.Opportunities.Add(opportunity) },
            $"Dodano szansę {Quoted(details.Name)} dla {Quoted(state.AccountName(details.AccountId))} o wartości {PlFormat.Money(details.Value)} na etapie {Quoted(state.StageName(command.StageId))}.",
            id);
    }

    private static Step Handle(SandboxState state, UpdateOpportunity command, Now now)
    {
        var opportunity = state.FindOpportunity(command.OpportunityId);
        if (opportunity is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.OpportunityNotFound, "Szansa sprzedaży", command.OpportunityId));
        }

        if (opportunity.Status != OpportunityStatus.Open)
        {
            return Refuse(state, Refusals.OpportunityClosed(opportunity.Details.Name, opportunity.Status));
        }

        var (details, errors) = CheckOpportunity(state, command.Details, opportunity, now);
        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var before = opportunity.Details;
        var changes = Changes(
            ("nazwa", before.Name, details.Name),
            ("klient", state.AccountName(before.AccountId), state.AccountName(details.AccountId)),
            ("osoba kontaktowa", ContactName(state, before.ContactId), ContactName(state, details.ContactId)),
            ("wartość", PlFormat.Money(before.Value), PlFormat.Money(details.Value)),
            ("planowane zamknięcie", PlFormat.Date(before.ExpectedClose), PlFormat.Date(details.ExpectedClose)));
        var updated = opportunity with
        {
            Details = details,
            History = changes.Length == 0
                ? opportunity.History
                : opportunity.History.Add(new OpportunityChange(now.At, now.Actor, OpportunityChangeKind.Edited, null, null, changes)),
        };
        return Done(state with { Opportunities = state.Opportunities.Replace(opportunity, updated) },
            changes.Length == 0 ? $"Zapisano szansę {Quoted(details.Name)} bez zmian." : $"Zmieniono szansę {Quoted(details.Name)}: {changes}.");
    }

    private static Step Handle(SandboxState state, MoveOpportunity command, Now now)
    {
        var opportunity = state.FindOpportunity(command.OpportunityId);
        if (opportunity is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.OpportunityNotFound, "Szansa sprzedaży", command.OpportunityId));
        }

        if (opportunity.Status != OpportunityStatus.Open)
        {
            return Refuse(state, Refusals.OpportunityClosed(opportunity.Details.Name, opportunity.Status));
        }

        var pipeline = state.FindPipeline(opportunity.PipelineId)!;
        var target = pipeline.Stages.FindIndex(s => s.Id == command.StageId);
        if (target < 0)
        {
            return Refuse(state, Refusals.StageOfOtherPipeline(state.StageName(command.StageId) is { Length: > 0 } n ? n : command.StageId, pipeline.Name));
        }

        var current = pipeline.Stages.FindIndex(s => s.Id == opportunity.StageId);
        if (target == current)
        {
            return Refuse(state, Refusals.SameStage(opportunity.Details.Name, pipeline.Stages[target].Name));
        }

        if (target > current && OpenActivities(opportunity) is { Count: > 0 } open)
        {
            return Refuse(state, Refusals.ActivitiesOpen(state.StageName(opportunity.StageId), open));
        }

        var updated = opportunity with
        {
            StageId = command.StageId,
            History = opportunity.History.Add(new OpportunityChange(now.At, now.Actor, OpportunityChangeKind.Moved, opportunity.StageId, command.StageId, null)),
        };
        return Done(state with { Opportunities = state.Opportunities.Replace(opportunity, updated) },
            $"Przeniesiono szansę {Quoted(opportunity.Details.Name)} ({state.AccountName(opportunity.Details.AccountId)}) z etapu {Quoted(state.StageName(opportunity.StageId))} do etapu {Quoted(pipeline.Stages[target].Name)}.");
    }

    private static Step Handle(SandboxState state, CloseOpportunity command, Now now)
    {
        var opportunity = state.FindOpportunity(command.OpportunityId);
        if (opportunity is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.OpportunityNotFound, "Szansa sprzedaży", command.OpportunityId));
        }

        if (opportunity.Status != OpportunityStatus.Open)
        {
            return Refuse(state, Refusals.OpportunityClosed(opportunity.Details.Name, opportunity.Status));
        }

        var reason = InputRules.Clean(command.Reason);
        var errors = new List<CommandError>();
        if (!command.Won && reason is null)
        {
            errors.Add(Refusals.LostReason());
        }

        OptionalText(errors, reason, "reason", FieldLabels.LostReason, TextLength);
        if (command.Won && OpenActivities(opportunity) is { Count: > 0 } open)
        {
            errors.Add(Refusals.ActivitiesOpen(state.StageName(opportunity.StageId), open));
        }

        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var status = command.Won ? OpportunityStatus.Won : OpportunityStatus.Lost;
        var updated = opportunity with
        {
            Status = status,
            CloseReason = reason,
            ClosedAt = now.At,
            History = opportunity.History.Add(new OpportunityChange(
                now.At, now.Actor, command.Won ? OpportunityChangeKind.Won : OpportunityChangeKind.Lost, opportunity.StageId, null, reason)),
        };
        var summary = $"Szansa {Quoted(opportunity.Details.Name)} ({state.AccountName(opportunity.Details.AccountId)}) oznaczona jako " +
            (command.Won ? "wygrana" : "przegrana") + $" na etapie {Quoted(state.StageName(opportunity.StageId))}" +
            (reason is null ? "" : $"; przyczyna: {reason}") + ".";
        var account = state.FindAccount(opportunity.Details.AccountId)!;
        var withEvent = account with
        {
            Events = account.Events.Add(new AccountEvent(
                now.At, command.Won ? AccountEventKind.OpportunityWon : AccountEventKind.OpportunityLost, summary, now.Actor, null)),
        };
        return Done(state with
        {
            Opportunities = state.Opportunities.Replace(opportunity, updated),
            Accounts = state.Accounts.Replace(account, withEvent),
        }, summary);
    }

    private static Step Handle(SandboxState state, ReopenOpportunity command, Now now)
    {
        var opportunity = state.FindOpportunity(command.OpportunityId);
        if (opportunity is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.OpportunityNotFound, "Szansa sprzedaży", command.OpportunityId));
        }

        if (opportunity.Status == OpportunityStatus.Open)
        {
            return Refuse(state, Refusals.OpportunityNotClosed(opportunity.Details.Name));
        }

        var updated = opportunity with
        {
            Status = OpportunityStatus.Open,
            CloseReason = null,
            ClosedAt = null,
            History = opportunity.History.Add(new OpportunityChange(now.At, now.Actor, OpportunityChangeKind.Reopened, null, opportunity.StageId, null)),
        };
        return Done(state with { Opportunities = state.Opportunities.Replace(opportunity, updated) },
            $"Ponownie otwarto szansę {Quoted(opportunity.Details.Name)} na etapie {Quoted(state.StageName(opportunity.StageId))}.");
    }

    private static Step Handle(SandboxState state, AddActivity command, Now now)
    {
        var opportunity = state.FindOpportunity(command.OpportunityId);
        if (opportunity is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.OpportunityNotFound, "Szansa sprzedaży", command.OpportunityId));
        }

        if (opportunity.Status != OpportunityStatus.Open)
        {
            return Refuse(state, Refusals.OpportunityClosed(opportunity.Details.Name, opportunity.Status));
        }

        var errors = new List<CommandError>();
        RequireText(errors, command.Description, "description", FieldLabels.ActivityDescription, NameLength);
        var pipeline = state.FindPipeline(opportunity.PipelineId)!;
        if (!pipeline.Stages.Exists(s => s.Id == command.StageId))
        {
            errors.Add(Refusals.StageOfOtherPipeline(state.StageName(command.StageId) is { Length: > 0 } n ? n : command.StageId, pipeline.Name));
        }

        if (command.DueDate < now.Today)
        {
            errors.Add(Refusals.DateInPast(RefusalCodes.DueDatePast, FieldLabels.ActivityDue, now.Today));
        }

        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var counters = state.Counters with { Activities = state.Counters.Activities + 1 };
        var activity = new OpportunityActivity(
            SandboxState.Id("act", counters.Activities), command.StageId, command.Description.Trim(), command.DueDate, false, now.At, now.Actor, null);
        var updated = opportunity with { Activities = opportunity.Activities.Add(activity) };
        return Done(state with { Counters = counters, Opportunities = state.Opportunities.Replace(opportunity, updated) },
            $"Dodano czynność {Quoted(activity.Description)} potrzebną do zamknięcia etapu {Quoted(state.StageName(command.StageId))} szansy {Quoted(opportunity.Details.Name)}.",
            activity.Id);
    }

    private static Step Handle(SandboxState state, CompleteActivity command, Now now)
    {
        var opportunity = state.FindOpportunity(command.OpportunityId);
        if (opportunity is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.OpportunityNotFound, "Szansa sprzedaży", command.OpportunityId));
        }

        var activity = opportunity.Activities.Find(a => a.Id == command.ActivityId);
        if (activity is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.ActivityNotFound, "Czynność", command.ActivityId));
        }

        if (activity.Done)
        {
            return Refuse(state, Refusals.ActivityDone(activity.Description));
        }

        var updated = opportunity with { Activities = opportunity.Activities.Replace(activity, activity with { Done = true, DoneAt = now.At }) };
        return Done(state with { Opportunities = state.Opportunities.Replace(opportunity, updated) },
            $"Wykonano czynność {Quoted(activity.Description)} szansy {Quoted(opportunity.Details.Name)} (etap {Quoted(state.StageName(activity.StageId))}).");
    }

    /// <summary>The activities of the opportunity's current stage not done yet: they keep it from leaving the stage forward.</summary>
    private static List<string> OpenActivities(Opportunity opportunity) =>
        [.. opportunity.Activities.Where(a => a.StageId == opportunity.StageId && !a.Done).Select(a => a.Description)];

    private static string? ContactName(SandboxState state, string? contactId) =>
        state.FindContact(contactId) is { } c ? $"{c.Data.FirstName} {c.Data.LastName}" : null;

    private static (OpportunityDetails Details, List<CommandError> Errors) CheckOpportunity(
        SandboxState state, OpportunityDetails input, Opportunity? existing, Now now)
    {
        var errors = new List<CommandError>();
        RequireText(errors, input.Name, "name", FieldLabels.OpportunityName, NameLength);
        var account = state.FindAccount(input.AccountId);
        if (account is null)
        {
            errors.Add(Refusals.NotFound(RefusalCodes.AccountNotFound, "Klient", input.AccountId ?? ""));
        }

        var contactId = InputRules.Clean(input.ContactId);
        if (contactId is not null)
        {
            var contact = state.FindContact(contactId);
            if (contact is null)
            {
                errors.Add(Refusals.NotFound(RefusalCodes.ContactNotFound, "Osoba kontaktowa", contactId));
            }
            else if (account is not null && contact.AccountId != account.Id)
            {
                errors.Add(Refusals.ContactOfOtherAccount($"{contact.Data.FirstName} {contact.Data.LastName}", account.Data.Name));
            }
        }

        if (input.Value <= 0 || input.Value > MaxValue)
        {
            errors.Add(Refusals.ValuePositive());
        }

        if (input.ExpectedClose < now.Today && input.ExpectedClose != existing?.Details.ExpectedClose)
        {
            errors.Add(Refusals.DateInPast(RefusalCodes.ExpectedClosePast, FieldLabels.ExpectedClose, now.Today));
        }

        return (new OpportunityDetails(input.Name?.Trim() ?? "", input.AccountId ?? "", contactId, Math.Round(input.Value, 2), input.ExpectedClose), errors);
    }
}

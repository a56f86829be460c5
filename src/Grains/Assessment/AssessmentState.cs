namespace Certification.Assessment;

/// <summary>A validation as the replay of its events; the grain's only state.</summary>
internal sealed class AssessmentState
{
    public int Version { get; private set; }

    public IReadOnlyList<Guid> Panel { get; private set; } = [];

    public Dictionary<AssessmentPart, List<GradeSheet>> Sheets { get; } = new() { [AssessmentPart.Practical] = [], [AssessmentPart.Interview] = [] };

    public Dictionary<AssessmentPart, List<Resolution>> Resolutions { get; } = new() { [AssessmentPart.Practical] = [], [AssessmentPart.Interview] = [] };

    public DecisionView? Decision { get; private set; }

    public AppealView? Appeal { get; private set; }

    public List<PanelConflictDeclared> Conflicts { get; } = [];
    /// <summary>The panel's notes on the candidate's actions, in the order they were made.</summary>
    public List<ObservationNote> Observations { get; } = [];

    public bool GradingStarted => Sheets.Values.Any(s => s.Any(g => g.SubmittedAt is not null));

    public GradeSheet? SheetOf(AssessmentPart part, Guid assessor) => Sheets[part].FirstOrDefault(s => s.AssessorId == assessor);

    public void Apply(AssessmentEvent @event)
    {
        Version++;
        switch (@event)
        {
            case PanelAppointed panel:
                Panel = panel.Assessors;
                break;
            case GradesSaved saved:
                var sheets = Sheets[saved.Part];
                sheets.RemoveAll(s => s.AssessorId == saved.Assessor);
                sheets.Add(new GradeSheet(saved.Assessor, saved.Grades, saved.Submitted ? saved.At : null));
                break;
            case DisagreementResolved resolved:
                Resolutions[resolved.Part].Add(new Resolution(resolved.CriterionId, resolved.Met, resolved.Reason!, resolved.By, resolved.At));
                break;
            case DecisionDrafted drafted:
                Decision = new DecisionView(drafted.Outcome, drafted.Justifications, drafted.Basis, drafted.By, drafted.At, [], null);
                break;
            case DecisionSigned signed:
                var signatures = Decision!.Signatures.Append(signed.By).ToList();
                Decision = Decision with
                {
                    Signatures = signatures,
                    SignedAt = Panel.All(signatures.Contains) ? signed.At : null,
                };
                break;
            case AppealFiled filed:
                Appeal = new AppealView(filed.At, filed.Reason!, null, null, null, null);
                break;
            case ReviewerAssigned assigned:
                Appeal = Appeal! with { Reviewer = assigned.Reviewer };
                break;
            case AppealDecided decided:
                Appeal = Appeal! with { Outcome = decided.Outcome, OutcomeReasons = decided.Reason, DecidedAt = decided.At };
                if (decided.NewOutcome is { } outcome)
                {
                    Decision = Decision! with { Outcome = outcome, Justifications = decided.Justifications ?? new Dictionary<string, string>() };
                }

                if (decided.Outcome == AppealOutcome.NewValidation)
                {
                    // The panel's decision no longer stands, but stays on the record; the new one comes from another sitting.
                    Decision = Decision! with { SetAsideAt = decided.At };
                    Appeal = Appeal with { Revalidation = RevalidationView.Awaiting };
                }

                break;
            case RevalidationScheduled scheduled:
                Appeal = Appeal! with { Revalidation = new RevalidationView(scheduled.SessionId, scheduled.SessionTitle, scheduled.StartsAt, scheduled.At) };
                break;
            case PanelMemberWithdrawn withdrawn:
                Withdraw(withdrawn.Assessor);
                Conflicts.Add(new PanelConflictDeclared(withdrawn.Assessor, withdrawn.Reason!, withdrawn.At, Withdrawn: true));
                break;
            case ConflictAfterDecision late:
                Conflicts.Add(new PanelConflictDeclared(late.Assessor, late.Reason!, late.At, Withdrawn: false));
                break;
            case ObservationNoted noted:
                Observations.Add(new ObservationNote(noted.ActionSequence, noted.Text, noted.By, noted.At));
                break;
            default:
                throw new InvalidOperationException($"Unknown assessment event {@event.GetType().Name}");
        }
    }

    /// <summary>
    /// A member partial to the candidate leaves the panel and nothing of theirs counts: not their draft, not their
    /// submitted grades, not the resolutions the panel made while they sat on it, not a decision worded or signed
    /// with them. The others' submitted sheets stand: they were fixed before anyone saw another's grades.
    /// </summary>
    private void Withdraw(Guid assessor)
    {
        Panel = [.. Panel.Where(a => a != assessor)];
        foreach (var part in Sheets.Keys)
        {
            Sheets[part].RemoveAll(s => s.AssessorId == assessor);
            Resolutions[part].Clear();
        }

        Decision = null;
    }
}

namespace Certification.Assessment;

/// <summary>What a validation decision says. Values are stored: never renumber.</summary>
public enum DecisionOutcome
{
    Positive = 1,
    Negative = 2,
}

/// <summary>What the decision rests on: the theory result and the final grades of the practical part and of the interview.</summary>
/// <param name="TheoryPassed">Null while the candidate has no scored theory test.</param>
[GenerateSerializer, Immutable, Alias("cert.assess.DecisionBasis")]
public sealed record DecisionBasis(
    [property: Id(0)] bool? TheoryPassed,
    [property: Id(1)] decimal? TheoryPercent,
    [property: Id(2)] int PassPercent,
    [property: Id(3)] IReadOnlyDictionary<string, bool> Practical,
    [property: Id(4)] IReadOnlyDictionary<string, bool> Interview);

/// <summary>What the rules make of a basis: the outcome, what is not met, and what is still ungraded.</summary>
public sealed record DecisionProposal(DecisionOutcome? Outcome, IReadOnlyList<string> Unmet, IReadOnlyList<string> Missing);

/// <summary>
/// The qualification's rule for a validation decision: positive only when the theory test is at or above
/// the pass mark and every criterion of the practical part and of the interview is met. A negative
/// decision states why for each thing not met (QUALIFICATION.md, rule 8): the theory part, named by
/// <see cref="TheoryPart"/>, and each unmet criterion by its id.
/// </summary>
public static class DecisionRules
{
    public const string TheoryPart = "theory";
    public const string Ungraded = "decision.ungraded";
    public const string JustificationRequired = "decision.justification_required";
    public const string OutcomeMismatch = "decision.outcome_mismatch";

    public static DecisionProposal Propose(DecisionBasis basis, IReadOnlyList<string> practicalCriteria, IReadOnlyList<string> interviewCriteria)
    {
        var missing = new List<string>();
        var unmet = new List<string>();
        if (basis.TheoryPassed is null)
        {
            missing.Add(TheoryPart);
        }
        else if (!basis.TheoryPassed.Value)
        {
            unmet.Add(TheoryPart);
        }

        foreach (var (criteria, grades) in new[] { (practicalCriteria, basis.Practical), (interviewCriteria, basis.Interview) })
        {
            foreach (var criterion in criteria)
            {
                if (!grades.TryGetValue(criterion, out var met))
                {
                    missing.Add(criterion);
                }
                else if (!met)
                {
                    unmet.Add(criterion);
                }
            }
        }

        // A failed part decides the outcome even while another is still ungraded; a pass needs everything.
        var outcome = unmet.Count > 0 ? DecisionOutcome.Negative : missing.Count == 0 ? DecisionOutcome.Positive : (DecisionOutcome?)null;
        return new DecisionProposal(outcome, unmet, missing);
    }

    /// <summary>
    /// Why a decision may not be signed as worded: it contradicts the rules, or leaves an unmet part
    /// without a justification. The errors name the parts (criterion ids, or <see cref="TheoryPart"/>).
    /// </summary>
    public static IReadOnlyList<(string Part, string Code)> CheckSigning(
        DecisionProposal proposal, DecisionOutcome outcome, IReadOnlyDictionary<string, string> justifications)
    {
        if (proposal.Outcome is null)
        {
            return [.. proposal.Missing.Select(m => (m, Ungraded))];
        }

        if (proposal.Outcome != outcome)
        {
            return [(string.Empty, OutcomeMismatch)];
        }

        return [.. proposal.Unmet
            .Where(part => !justifications.TryGetValue(part, out var text) || string.IsNullOrWhiteSpace(text))
            .Select(part => (part, JustificationRequired))];
    }
}

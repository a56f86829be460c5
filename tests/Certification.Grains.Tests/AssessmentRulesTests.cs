using Certification.Assessment;

namespace Certification.Grains.Tests;

/// <summary>The rules of the panel's work: who may assess, independent grades, agreement, the decision and the appeal.</summary>
public sealed class AssessmentRulesTests
{
    private static readonly Guid Candidate = Guid.NewGuid();
    private static readonly Guid Anna = Guid.NewGuid();
    private static readonly Guid Piotr = Guid.NewGuid();
    private static readonly Guid Ewa = Guid.NewGuid();
    private static readonly string[] Criteria = ["1.2.2", "2.5.3"];
    private static readonly DateTimeOffset Morning = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_panel_has_two_distinct_assessors_and_neither_the_candidate_nor_anyone_who_trained_them()
    {
        PanelConflict[] conflicts =
        [
            new(Piotr, Candidate, ConflictKind.TrainedCandidate, "trener szkolenia „Obsługa klienta w CRM” (10–11.03.2026)"),
            new(Ewa, Guid.NewGuid(), ConflictKind.Declared, "inna kandydatka"),
        ];

        Assert.Empty(PanelRules.Check(Candidate, [Anna, Ewa], conflicts));
        Assert.Equal([PanelRules.TooSmall], PanelRules.Check(Candidate, [Anna], conflicts).Select(o => o.Code));
        Assert.Equal([PanelRules.TooSmall, PanelRules.Repeated], PanelRules.Check(Candidate, [Anna, Anna], conflicts).Select(o => o.Code));
        Assert.Equal(new PanelObjection(PanelRules.CandidateOnPanel, Candidate), Assert.Single(PanelRules.Check(Candidate, [Anna, Candidate], conflicts)));
        var trained = Assert.Single(PanelRules.Check(Candidate, [Anna, Piotr], conflicts));
        Assert.Equal((PanelRules.TrainedCandidate, Piotr), (trained.Code, trained.AssessorId));
        Assert.Contains("Obsługa klienta w CRM", trained.Detail, StringComparison.Ordinal);
        var declared = new PanelConflict(Anna, Candidate, ConflictKind.Declared, "była przełożona kandydata");
        Assert.Equal(PanelRules.DeclaredConflict, Assert.Single(PanelRules.Check(Candidate, [Anna, Ewa], [declared])).Code);
    }

    [Fact]
    public void An_assessor_sees_other_grades_only_after_submitting_their_own()
    {
        var anna = Sheet(Anna, submitted: true, true, false);
        var piotr = Sheet(Piotr, submitted: false, true, true);
        var ewa = Sheet(Ewa, submitted: true, true, true);

        Assert.Equal([piotr], GradingRules.VisibleTo(Piotr, [anna, piotr, ewa]));
        Assert.Equal([anna, ewa], GradingRules.VisibleTo(Anna, [anna, piotr, ewa]));
        Assert.Empty(GradingRules.VisibleTo(Guid.NewGuid(), [anna, piotr, ewa]));
    }

    [Fact]
    public void A_sheet_grades_every_criterion_once_and_nothing_else()
    {
        Assert.Empty(GradingRules.CheckSubmission(Criteria, [new("1.2.2", true, null), new("2.5.3", false, "brak etapu Wygrana")]));
        Assert.Equal([GradingRules.Incomplete], GradingRules.CheckSubmission(Criteria, [new("1.2.2", true, null)]));
        Assert.Equal([GradingRules.Incomplete], GradingRules.CheckSubmission(Criteria, [new("1.2.2", true, null), new("1.2.2", false, null)]));
        Assert.Equal([GradingRules.UnknownCriterion], GradingRules.CheckSubmission(Criteria, [new("1.2.2", true, null), new("2.5.3", true, null), new("9.9", true, null)]));
    }

    [Fact]
    public void Disagreements_have_no_final_grade_until_the_panel_resolves_them()
    {
        var anna = Sheet(Anna, submitted: true, true, false);
        var piotr = Sheet(Piotr, submitted: true, true, true);
        Guid[] panel = [Anna, Piotr];

        Assert.Equal(["2.5.3"], GradingRules.Disagreements(Criteria, [anna, piotr]));
        Assert.Null(GradingRules.Final(Criteria, panel, [anna, Sheet(Piotr, submitted: false, true, true)], []));
        Assert.Null(GradingRules.Final(Criteria, panel, [anna, piotr], []));
        var final = GradingRules.Final(Criteria, panel, [anna, piotr], [new("2.5.3", false, "szansa nie została oznaczona jako wygrana", Anna, Morning)]);
        Assert.Equal(new Dictionary<string, bool> { ["1.2.2"] = true, ["2.5.3"] = false }, final);
    }

    [Fact]
    public void Agreement_is_the_share_of_equal_grades_and_cohens_kappa_corrects_it_for_chance()
    {
        // The textbook case: 20 both met, 5 and 10 split, 15 both not met → p_o 0.7, p_e 0.5, kappa 0.4.
        var pairs = Enumerable.Repeat(new GradePair(true, true), 20)
            .Concat(Enumerable.Repeat(new GradePair(true, false), 5))
            .Concat(Enumerable.Repeat(new GradePair(false, true), 10))
            .Concat(Enumerable.Repeat(new GradePair(false, false), 15)).ToList();

        var agreement = RaterAgreement.Of(pairs);

        Assert.Equal((50, 35), (agreement.Pairs, agreement.Agreed));
        Assert.Equal(0.7, agreement.Share, 10);
        Assert.Equal(0.4, agreement.Kappa!.Value, 10);
        Assert.Null(RaterAgreement.Of([new(true, true), new(true, true)]).Kappa);
        Assert.Equal(0, RaterAgreement.Of([]).Pairs);
    }

    [Fact]
    public void The_pairs_of_a_sitting_are_the_first_two_submitted_sheets_of_each_candidate()
    {
        var first = Sheet(Anna, submitted: true, true, false) with { SubmittedAt = Morning };
        var second = Sheet(Piotr, submitted: true, true, true) with { SubmittedAt = Morning.AddMinutes(5) };
        var third = Sheet(Ewa, submitted: true, false, false) with { SubmittedAt = Morning.AddMinutes(9) };
        var alone = Sheet(Anna, submitted: true, true, true);

        Assert.Equal([new GradePair(true, true), new GradePair(false, true)], RaterAgreement.PairsOf([[third, second, first], [alone]]));
    }

    [Fact]
    public void A_positive_decision_needs_the_theory_pass_and_every_criterion_met()
    {
        var all = new Dictionary<string, bool> { ["1.2.2"] = true, ["2.5.3"] = true };
        var interview = new Dictionary<string, bool> { ["1.3.2"] = true };

        var pass = DecisionRules.Propose(new DecisionBasis(true, 84m, 70, all, interview), Criteria, ["1.3.2"]);
        Assert.Equal(DecisionOutcome.Positive, pass.Outcome);
        Assert.Empty(DecisionRules.CheckSigning(pass, DecisionOutcome.Positive, new Dictionary<string, string>()));
        Assert.Equal([(string.Empty, DecisionRules.OutcomeMismatch)], DecisionRules.CheckSigning(pass, DecisionOutcome.Negative, new Dictionary<string, string>()));

        var pending = DecisionRules.Propose(new DecisionBasis(null, null, 70, all, new Dictionary<string, bool>()), Criteria, ["1.3.2"]);
        Assert.Null(pending.Outcome);
        Assert.Equal([DecisionRules.TheoryPart, "1.3.2"], pending.Missing);
        Assert.Equal([(DecisionRules.TheoryPart, DecisionRules.Ungraded), ("1.3.2", DecisionRules.Ungraded)],
            DecisionRules.CheckSigning(pending, DecisionOutcome.Positive, new Dictionary<string, string>()));
    }

    [Fact]
    public void A_negative_decision_is_signed_only_with_a_justification_for_each_unmet_part()
    {
        var practical = new Dictionary<string, bool> { ["1.2.2"] = true, ["2.5.3"] = false };
        var fail = DecisionRules.Propose(new DecisionBasis(false, 52m, 70, practical, new Dictionary<string, bool> { ["1.3.2"] = true }), Criteria, ["1.3.2"]);

        Assert.Equal(DecisionOutcome.Negative, fail.Outcome);
        Assert.Equal([DecisionRules.TheoryPart, "2.5.3"], fail.Unmet);
        Assert.Equal([("2.5.3", DecisionRules.JustificationRequired)], DecisionRules.CheckSigning(
            fail, DecisionOutcome.Negative, new Dictionary<string, string> { [DecisionRules.TheoryPart] = "52 % przy progu 70 %", ["2.5.3"] = "  " }));
        Assert.Empty(DecisionRules.CheckSigning(fail, DecisionOutcome.Negative, new Dictionary<string, string>
        {
            [DecisionRules.TheoryPart] = "52 % przy progu 70 %",
            ["2.5.3"] = "Szansa sprzedaży nie została przeniesiona do etapu Wygrana.",
        }));
        Assert.Equal([(string.Empty, DecisionRules.OutcomeMismatch)], DecisionRules.CheckSigning(fail, DecisionOutcome.Positive, new Dictionary<string, string>()));
    }

    [Fact]
    public void An_appeal_is_filed_by_the_end_of_the_fourteenth_day_after_the_decision_in_polish_time()
    {
        // Signed at 23:30 UTC on 30 November: already 1 December in Poland, so the 14 days run from then.
        var signed = new DateTimeOffset(2026, 11, 30, 23, 30, 0, TimeSpan.Zero);
        Assert.Equal(new DateOnly(2026, 12, 15), AppealRules.LastDay(signed, AppealRules.DefaultDays));

        var lastMinute = new DateTimeOffset(2026, 12, 15, 22, 59, 0, TimeSpan.Zero); // 23:59 in Warsaw
        Assert.Null(AppealRules.CheckFiling(signed, AppealRules.DefaultDays, lastMinute, "Asesor nie widział mojej oferty."));
        Assert.Equal(AppealRules.Late, AppealRules.CheckFiling(signed, AppealRules.DefaultDays, lastMinute.AddMinutes(2), "Asesor nie widział mojej oferty."));
        Assert.Null(AppealRules.CheckFiling(signed, 30, lastMinute.AddDays(10), "Asesor nie widział mojej oferty."));
        Assert.Equal(AppealRules.ReasonsRequired, AppealRules.CheckFiling(signed, AppealRules.DefaultDays, lastMinute, " "));
        Assert.Equal(AppealRules.TooLong, AppealRules.CheckFiling(signed, AppealRules.DefaultDays, lastMinute, new string('x', AppealRules.MaxReasonLength + 1)));
    }

    [Fact]
    public void An_appeal_is_reviewed_by_someone_who_was_not_on_the_panel_and_has_no_conflict()
    {
        Guid[] panel = [Anna, Piotr];
        var reviewer = Guid.NewGuid();

        Assert.Null(AppealRules.CheckReviewer(reviewer, Candidate, panel, []));
        Assert.Equal(AppealRules.ReviewerOnPanel, AppealRules.CheckReviewer(Anna, Candidate, panel, [])!.Code);
        var conflict = AppealRules.CheckReviewer(reviewer, Candidate, panel, [new PanelConflict(reviewer, Candidate, ConflictKind.TrainedCandidate, "trener")]);
        Assert.Equal((AppealRules.ReviewerConflict, "trener"), (conflict!.Code, conflict.Detail));
    }

    private static GradeSheet Sheet(Guid assessor, bool submitted, bool first, bool second) =>
        new(assessor, [new(Criteria[0], first, null), new(Criteria[1], second, null)], submitted ? Morning : null);
}

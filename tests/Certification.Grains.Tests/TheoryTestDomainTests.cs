using Certification.Exams;
using Certification.Items;
using Certification.Qualifications;

namespace Certification.Grains.Tests;

public sealed class TheoryTestDomainTests
{
    [Theory]
    [InlineData(new[] { "a" }, new[] { "a" }, 1.0)]
    [InlineData(new[] { "a" }, new[] { "b" }, 0.0)]
    [InlineData(new[] { "a" }, new[] { "a", "b" }, 0.0)]
    [InlineData(new[] { "a" }, new string[0], 0.0)]
    public void Single_choice_scores_only_the_correct_option_alone(string[] correct, string[] selected, double expected) =>
        Assert.Equal((decimal)expected, Scoring.Score(ItemKind.SingleChoice, correct, selected));

    [Theory]
    [InlineData(new[] { "a", "b", "c" }, new[] { "a", "b", "c" }, 1.0)]
    [InlineData(new[] { "a", "b", "c" }, new[] { "a", "b" }, 0.666667)]
    [InlineData(new[] { "a", "b" }, new[] { "a", "d" }, 0.0)]
    [InlineData(new[] { "a", "b" }, new[] { "a", "b", "d" }, 0.5)]
    [InlineData(new[] { "a", "b" }, new[] { "a", "b", "c", "d" }, 0.0)]
    [InlineData(new[] { "a", "b" }, new[] { "c", "d" }, 0.0)]
    public void Multiple_choice_earns_partial_credit_and_never_less_than_nothing(string[] correct, string[] selected, double expected) =>
        Assert.Equal((decimal)expected, Scoring.Score(ItemKind.MultipleChoice, correct, selected), 6);

    [Fact]
    public void True_false_is_scored_like_single_choice()
    {
        Assert.Equal(1m, Scoring.Score(ItemKind.TrueFalse, ["t"], ["t"]));
        Assert.Equal(0m, Scoring.Score(ItemKind.TrueFalse, ["t"], ["f"]));
    }

    [Fact]
    public void A_draw_meets_every_quota_without_repeating_an_item()
    {
        var bank = Bank(("1.1", 12), ("1.2", 9), ("2.2", 7));
        var blueprint = Blueprint(("1.1", 5), ("1.2", 4), ("2.2", 3));

        var test = TestDraw.Draw(blueprint, bank, seed: 42);

        Assert.Equal(12, test.Count);
        Assert.Equal(Enumerable.Range(1, 12), test.Select(q => q.Number));
        Assert.Equal(test.Count, test.Select(q => q.ItemId).Distinct().Count());
        Assert.Equal(5, test.Count(q => q.Outcome == "1.1"));
        Assert.Equal(4, test.Count(q => q.Outcome == "1.2"));
        Assert.Equal(3, test.Count(q => q.Outcome == "2.2"));
    }

    [Fact]
    public void The_same_seed_draws_the_same_test_and_another_seed_a_different_one()
    {
        var bank = Bank(("1.1", 20), ("1.2", 20));
        var blueprint = Blueprint(("1.1", 6), ("1.2", 6));

        var first = Describe(TestDraw.Draw(blueprint, bank, seed: 7));
        var again = Describe(TestDraw.Draw(blueprint, bank, seed: 7));
        var other = Describe(TestDraw.Draw(blueprint, bank, seed: 8));

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Questions_and_options_are_shuffled_but_true_false_keeps_its_order()
    {
        var bank = Bank(("1.1", 30));
        var blueprint = Blueprint(("1.1", 30));

        var test = TestDraw.Draw(blueprint, bank, seed: 3);

        Assert.NotEqual(test.Select(q => q.ItemId).Order(), test.Select(q => q.ItemId));
        Assert.Contains(test, q => q.Kind == ItemKind.SingleChoice && q.Options[0].Id != "a");
        Assert.All(test.Where(q => q.Kind == ItemKind.TrueFalse), q => Assert.Equal(["t", "f"], q.Options.Select(o => o.Id)));
    }

    [Fact]
    public void Without_shuffling_questions_come_grouped_by_outcome_with_options_in_authored_order()
    {
        var bank = Bank(("1.1", 4), ("1.2", 4));
        var blueprint = Blueprint(("1.1", 2), ("1.2", 2)) with { ShuffleQuestions = false, ShuffleOptions = false };

        var test = TestDraw.Draw(blueprint, bank, seed: 11);

        Assert.Equal(["1.1", "1.1", "1.2", "1.2"], test.Select(q => q.Outcome));
        Assert.All(test.Where(q => q.Kind != ItemKind.TrueFalse), q => Assert.Equal(["a", "b", "c", "d"], q.Options.Select(o => o.Id)));
    }

    [Fact]
    public void The_key_travels_only_in_the_correct_option_ids()
    {
        var test = TestDraw.Draw(Blueprint(("1.1", 3)), Bank(("1.1", 3)), seed: 1);

        Assert.All(test, q => Assert.NotEmpty(q.CorrectOptionIds));
        Assert.All(test, q => Assert.All(q.Options, o => Assert.DoesNotContain("correct", o.Text, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void A_blueprint_the_bank_cannot_meet_is_refused_with_the_outcomes_short()
    {
        var error = Assert.Throws<BlueprintNotSatisfiableException>(() =>
            TestDraw.Draw(Blueprint(("1.1", 5), ("1.2", 3)), Bank(("1.1", 4), ("1.2", 3)), seed: 1));

        Assert.Equal((5, 4), error.Shortfalls["1.1"]);
        Assert.DoesNotContain("1.2", error.Shortfalls.Keys);
    }

    [Fact]
    public void Item_rules_require_one_key_for_single_choice_and_a_real_choice_for_multiple()
    {
        var qualification = TestQualification();
        ItemContent Content(ItemKind kind, params bool[] correct) => new(
            "1.1", "1.1.1", kind, "Pytanie?", [.. correct.Select((c, i) => new ItemOption(((char)('a' + i)).ToString(), $"Odpowiedź {i}", c))], null);

        Assert.Empty(ItemRules.Check(Content(ItemKind.SingleChoice, true, false, false), qualification).Errors);
        Assert.Contains(ItemRules.Check(Content(ItemKind.SingleChoice, true, true, false), qualification).Errors, e => e.Code == ItemRules.OneCorrect);
        Assert.Contains(ItemRules.Check(Content(ItemKind.MultipleChoice, true, true, true), qualification).Errors, e => e.Code == ItemRules.SomeCorrect);
        Assert.Contains(ItemRules.Check(Content(ItemKind.TrueFalse, true, false, false), qualification).Errors, e => e.Code == ItemRules.TrueFalseOptions);
        Assert.Contains(ItemRules.Check(Content(ItemKind.SingleChoice, true) with { Criterion = "1.1.9" }, qualification).Errors, e => e.Code == ItemRules.NotTheoryCriterion);
        Assert.Contains(ItemRules.Check(Content(ItemKind.SingleChoice, true, false) with { Criterion = "1.2.1" }, qualification).Errors, e => e.Code == ItemRules.NotTheoryCriterion);
    }

    [Fact]
    public void A_definition_whose_quotas_do_not_add_up_is_reported()
    {
        var broken = TestQualification() with { Blueprint = Blueprint(("1.1", 3)) with { Questions = 5 } };

        Assert.Contains(QualificationRules.Check(broken), p => p.Contains("add up to 3", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_criterion_verified_by_interview_suggests_questions_and_no_other_does()
    {
        var qualification = TestQualification();
        var interview = new Criterion("1.1.2", new LocalizedText("Omawia", null), [VerificationMethod.Interview]);
        LearningOutcome[] outcomes = [qualification.Sets[0].Outcomes[0] with { Criteria = [.. qualification.Sets[0].Outcomes[0].Criteria, interview] }];
        var without = qualification with { Sets = [qualification.Sets[0] with { Outcomes = outcomes }] };
        var asked = new[] { new LocalizedText("Jakie?", null) };
        var misplaced = qualification with
        {
            Sets = [qualification.Sets[0] with { Outcomes = [outcomes[0] with { Criteria = [outcomes[0].Criteria[0] with { InterviewQuestions = asked }, interview with { InterviewQuestions = asked }] }] }],
        };

        Assert.Contains("criterion 1.1.2 is verified by interview but suggests no questions", QualificationRules.Check(without));
        Assert.Contains("criterion 1.1.1 suggests interview questions but is not verified by interview", QualificationRules.Check(misplaced));
        var shipped = Assert.Single(QualificationDefinitions.Embedded(), q => q.Code == "CRM-PRK4");
        Assert.All(shipped.AllOutcomes().SelectMany(o => o.Criteria).Where(c => c.Methods.Contains(VerificationMethod.Interview)),
            c => Assert.True(c.InterviewQuestions!.Count >= 2, c.Id));
    }

    internal static Qualification TestQualification() => new(
        "TEST", new LocalizedText("Test", "Test"), "partial", 4, 10, 5, 100m, "Test",
        [
            new OutcomeSet("1", new LocalizedText("Zestaw", null), 4, 10, true,
            [
                new LearningOutcome("1.1", new LocalizedText("Wiedza", null),
                    [new Criterion("1.1.1", new LocalizedText("Wymienia", null), [VerificationMethod.TheoryTest])]),
                new LearningOutcome("1.2", new LocalizedText("Praktyka", null),
                    [new Criterion("1.2.1", new LocalizedText("Tworzy", null), [VerificationMethod.Simulation])]),
            ]),
        ],
        Blueprint(("1.1", 3)));

    private static Blueprint Blueprint(params (string Outcome, int Quota)[] quotas) =>
        new(quotas.Sum(q => q.Quota), 45, 70, true, true, quotas.ToDictionary(q => q.Outcome, q => q.Quota));

    /// <summary>Items per outcome; every third is true/false, the others single choice with four options.</summary>
    private static List<(string, ItemVersion)> Bank(params (string Outcome, int Count)[] outcomes) =>
        [.. outcomes.SelectMany(o => Enumerable.Range(1, o.Count).Select(i =>
        {
            var trueFalse = i % 3 == 0;
            ItemOption[] options = trueFalse
                ? [new("t", "Prawda", true), new("f", "Fałsz", false)]
                : [new("a", "A", true), new("b", "B", false), new("c", "C", false), new("d", "D", false)];
            var content = new ItemContent(o.Outcome, o.Outcome + ".1", trueFalse ? ItemKind.TrueFalse : ItemKind.SingleChoice, $"Pytanie {o.Outcome}/{i}", options, null);
            return ($"Q-{o.Outcome}-{i:D2}", new ItemVersion(1, content, DateTimeOffset.UnixEpoch, "test"));
        }))];

    private static string Describe(IReadOnlyList<DrawnQuestion> test) =>
        string.Join(";", test.Select(q => q.ItemId + ":" + string.Join(",", q.Options.Select(o => o.Id))));
}

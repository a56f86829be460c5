using Certification.Common;
using Certification.Qualifications;

namespace Certification.Items;

/// <summary>What a question must be to go into a test; checked on import and on every edit.</summary>
public static class ItemRules
{
    public const string UnknownOutcome = "item.outcome_unknown";
    public const string NotTheoryCriterion = "item.criterion_not_theory";
    public const string OptionCount = "item.option_count";
    public const string OptionIdsRepeat = "item.option_ids_repeat";
    public const string OneCorrect = "item.one_correct";
    public const string SomeCorrect = "item.some_correct";
    public const string TrueFalseOptions = "item.true_false_options";

    public static (ItemContent Normalized, List<FieldError> Errors) Check(ItemContent content, Qualification qualification)
    {
        var errors = new List<FieldError>();
        var stem = FieldRules.Text(errors, "Stem", content.Stem, 2000) ?? string.Empty;
        var outcome = qualification.AllOutcomes().FirstOrDefault(o => o.Id == content.Outcome);
        if (outcome is null)
        {
            errors.Add(new FieldError("Outcome", UnknownOutcome));
        }
        else if (!outcome.Criteria.Any(c => c.Id == content.Criterion && c.Methods.Contains(VerificationMethod.TheoryTest)))
        {
            errors.Add(new FieldError("Criterion", NotTheoryCriterion));
        }

        var options = new List<ItemOption>();
        foreach (var option in content.Options ?? [])
        {
            var text = FieldRules.Text(errors, "Options", option.Text, 500, required: false);
            if (text is not null)
            {
                options.Add(option with { Id = option.Id.Trim(), Text = text });
            }
        }

        if (options.Select(o => o.Id).Distinct(StringComparer.Ordinal).Count() != options.Count || options.Any(o => o.Id.Length == 0))
        {
            errors.Add(new FieldError("Options", OptionIdsRepeat));
        }

        var correct = options.Count(o => o.Correct);
        switch (content.Kind)
        {
            case ItemKind.TrueFalse when options.Count != 2:
                errors.Add(new FieldError("Options", TrueFalseOptions));
                break;
            case ItemKind.SingleChoice or ItemKind.MultipleChoice when options.Count is < 2 or > 8:
                errors.Add(new FieldError("Options", OptionCount));
                break;
        }

        if (content.Kind is ItemKind.SingleChoice or ItemKind.TrueFalse && correct != 1)
        {
            errors.Add(new FieldError("Options", OneCorrect));
        }
        else if (content.Kind == ItemKind.MultipleChoice && (correct < 1 || correct == options.Count))
        {
            // All options correct would reward ticking everything without knowing anything.
            errors.Add(new FieldError("Options", SomeCorrect));
        }

        var explanation = FieldRules.Text(errors, "Explanation", content.Explanation, 2000, required: false);
        return (content with { Stem = stem, Options = options, Explanation = explanation }, errors);
    }
}

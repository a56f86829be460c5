using Certification.Qualifications;

namespace Certification.Assessment;

/// <summary>
/// Which of a qualification's criteria each part of the validation grades: the practical part those verified
/// by simulation, the interview those verified by interview (the qualification is data, principle 7).
/// </summary>
public static class AssessmentCriteria
{
    public static IReadOnlyList<Criterion> Of(Qualification qualification, AssessmentPart part)
    {
        var method = part switch
        {
            AssessmentPart.Practical => VerificationMethod.Simulation,
            AssessmentPart.Interview => VerificationMethod.Interview,
            _ => throw new ArgumentOutOfRangeException(nameof(part), part, null),
        };
        return [.. qualification.AllOutcomes().SelectMany(o => o.Criteria).Where(c => c.Methods.Contains(method))];
    }
}

using Certification.Assessment;
using Certification.Exams;
using Certification.Qualifications;

namespace Certification.Portal.Assessment;

/// <summary>One candidate's validation with what every page about it shows: the session, the qualification's criteria, the names.</summary>
public sealed record ValidationView(
    SessionSnapshot Session, Qualification Qualification, Guid CandidateId, AssessmentSnapshot Assessment, IReadOnlyDictionary<Guid, string> Names)
{
    public Guid SessionId => Session.Id;

    public string Candidate => Name(CandidateId);

    public IReadOnlyList<Criterion> Criteria(AssessmentPart part) => AssessmentCriteria.Of(Qualification, part);

    public string Name(Guid person) => Names.GetValueOrDefault(person, person.ToString());

    /// <summary>A part of a decision as people read it: the theory test, or a criterion with its text.</summary>
    public string PartName(string part, string language, string theory) =>
        part == DecisionRules.TheoryPart ? theory
        : Qualification.AllOutcomes().SelectMany(o => o.Criteria).FirstOrDefault(c => c.Id == part) is { } criterion ? $"{criterion.Id} {criterion.Text.In(language)}"
        : part;
}

/// <summary>Loads a validation for a page; null when the session, the candidate on its roster, or its qualification is not there.</summary>
public sealed class Validations(IGrainFactory grains, AssessmentQueries queries)
{
    public async Task<ValidationView?> LoadAsync(Guid sessionId, Guid candidateId)
    {
        var session = await grains.GetGrain<IExamSessionGrain>(sessionId).GetAsync();
        if (session is null || !session.Roster.Contains(candidateId) ||
            await grains.GetGrain<IQualificationGrain>(session.Details.Qualification).GetAsync() is not { } qualification)
        {
            return null;
        }

        var assessment = await grains.Assessment(sessionId, candidateId).GetAsync();
        Guid[] people =
        [
            candidateId, .. assessment.Panel,
            .. assessment.Decision is { } decision ? [decision.DraftedBy, .. decision.Signatures] : Array.Empty<Guid>(),
            .. assessment.Appeal?.Reviewer is { } reviewer ? [reviewer] : Array.Empty<Guid>(),
            .. assessment.Resolutions.Values.SelectMany(r => r).Select(r => r.RecordedBy),
        ];
        return new ValidationView(session, qualification, candidateId, assessment, await queries.NamesAsync(people));
    }
}

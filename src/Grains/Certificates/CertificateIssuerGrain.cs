using Certification.Assessment;
using Certification.Common;
using Certification.Crm;
using Certification.Domain;
using Certification.Exams;
using Certification.Infrastructure;
using Certification.Qualifications;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace Certification.Certificates;

[StatelessWorker]
public sealed class CertificateIssuerGrain(
    AuditLog<AssessmentEvent> validations, CertificateNumbers numbers, Institution institution,
    [FromKeyedServices(ExamClock.Key)] TimeProvider clock, ILogger<CertificateIssuerGrain> logger)
    : Grain, ICertificateIssuerGrain
{
    public const string NoPositiveDecision = "certificate.no_positive_decision";
    public const string UnknownQualification = "certificate.unknown_qualification";
    public const string UnknownHolder = "certificate.unknown_holder";

    public async Task<IssueOutcome> IssueForValidationAsync(Guid sessionId, Guid candidateId, string actor)
    {
        // The validation's own record, read rather than asked: the assessment grain calls here from its turn.
        if (FinalDecision.PositiveOn(await validations.ReadAsync(AssessmentKey.Stream(sessionId, candidateId))) is not { } decided)
        {
            return new IssueOutcome(null, NoPositiveDecision);
        }

        var session = await GrainFactory.GetGrain<IExamSessionGrain>(sessionId).GetAsync();
        if (session is null || await GrainFactory.GetGrain<IQualificationGrain>(session.Details.Qualification).GetAsync() is not { } qualification)
        {
            return new IssueOutcome(null, UnknownQualification);
        }

        if (await GrainFactory.GetGrain<IPersonGrain>(candidateId).GetAsync() is not { } person)
        {
            return new IssueOutcome(null, UnknownHolder);
        }

        var reserved = await numbers.ReserveAsync(sessionId, candidateId, CertificateNumber.PrefixOf(qualification.Code), PolishDate.Of(clock.GetUtcNow()));
        var details = person.Details;
        var result = await GrainFactory.GetGrain<ICertificateGrain>(reserved.Number.ToString()).IssueAsync(
            new CertificateIssue(
                sessionId, candidateId, $"{details.FirstName} {details.LastName}", details.Pesel is { } pesel ? Pesel.BirthDate(pesel) : null,
                qualification.Code, qualification.Name, qualification.PrkLevel,
                [.. qualification.Sets.Select(set => new CertifiedOutcomeSet(
                    set.Id, set.Name, set.PrkLevel, [.. set.Outcomes.Select(outcome => new CertifiedOutcome(outcome.Id, outcome.Name))]))],
                reserved.IssuedOn, qualification.ValidityYears, institution.Name, PolishDate.Of(decided)),
            actor);
        if (!result.Succeeded)
        {
            logger.LogError("Certificate {Number} of validation {Session}/{Candidate} was refused: {Errors}", reserved.Number, sessionId, candidateId, result.Errors);
            return new IssueOutcome(null, result.Errors[0].Code);
        }

        return new IssueOutcome(reserved.Number.ToString(), null);
    }
}

/// <summary>When a validation's decision became final and positive, read from its audit trail.</summary>
internal static class FinalDecision
{
    /// <summary>
    /// The instant the decision that stands became positive: the last panel signature, or the appeal that changed it.
    /// Null while there is no final decision, or it is negative.
    /// </summary>
    public static DateTimeOffset? PositiveOn(IReadOnlyList<AssessmentEvent> events)
    {
        var state = new AssessmentState();
        foreach (var @event in events)
        {
            state.Apply(@event);
        }

        return state.Decision is { Outcome: DecisionOutcome.Positive, SignedAt: { } signed }
            ? state.Appeal is { Outcome: AppealOutcome.DecisionChanged, DecidedAt: { } changed } ? changed : signed
            : null;
    }
}

using Certification.Exams;

namespace Certification.Assessment;

/// <summary>
/// Where a new validation ordered by an upheld appeal may take place: a later session of the same qualification that
/// has not opened yet (an open sitting has drawn its tests and started its clock; a closed one is over). Until such a
/// session is chosen the candidate waits on the office's list, and the panel's decision stays set aside.
/// </summary>
public static class RevalidationRules
{
    public const string UnknownSession = "revalidation.session_unknown";
    public const string SameSession = "revalidation.same_session";
    public const string OtherQualification = "revalidation.other_qualification";
    public const string NotUpcoming = "revalidation.session_not_upcoming";
    public const string NotAwaiting = "revalidation.not_awaiting";
    public const string OnlyForNewValidation = "revalidation.only_for_new_validation";

    /// <summary>Why the candidate of <paramref name="appealed"/> cannot be validated again in <paramref name="session"/>, or null when they can.</summary>
    public static string? CheckSession(SessionSnapshot? session, SessionSnapshot appealed, DateTimeOffset now) =>
        session is null ? UnknownSession
        : session.Id == appealed.Id ? SameSession
        : session.Details.Qualification != appealed.Details.Qualification ? OtherQualification
        : session.Status != SessionStatus.Scheduled || session.Details.StartsAt <= now ? NotUpcoming
        : null;
}

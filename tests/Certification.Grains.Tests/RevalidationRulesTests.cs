using Certification.Assessment;
using Certification.Exams;

namespace Certification.Grains.Tests;

public sealed class RevalidationRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 24, 9, 0, 0, TimeSpan.Zero);

    private static readonly SessionSnapshot Appealed = Snapshot("CRM-PRK4", SessionStatus.Closed, Now.AddDays(-20));

    [Fact]
    public void A_new_validation_takes_place_in_a_later_scheduled_session_of_the_same_qualification()
    {
        Assert.Null(RevalidationRules.CheckSession(Snapshot("CRM-PRK4", SessionStatus.Scheduled, Now.AddDays(7)), Appealed, Now));

        Assert.Equal(RevalidationRules.UnknownSession, RevalidationRules.CheckSession(null, Appealed, Now));
        Assert.Equal(RevalidationRules.SameSession, RevalidationRules.CheckSession(Appealed with { Status = SessionStatus.Scheduled }, Appealed, Now.AddDays(-30)));
        Assert.Equal(RevalidationRules.OtherQualification, RevalidationRules.CheckSession(Snapshot("KADRY-PRK5", SessionStatus.Scheduled, Now.AddDays(7)), Appealed, Now));
        Assert.Equal(RevalidationRules.NotUpcoming, RevalidationRules.CheckSession(Snapshot("CRM-PRK4", SessionStatus.Open, Now.AddDays(7)), Appealed, Now));
        Assert.Equal(RevalidationRules.NotUpcoming, RevalidationRules.CheckSession(Snapshot("CRM-PRK4", SessionStatus.Closed, Now.AddDays(7)), Appealed, Now));
        Assert.Equal(RevalidationRules.NotUpcoming, RevalidationRules.CheckSession(Snapshot("CRM-PRK4", SessionStatus.Scheduled, Now), Appealed, Now));
    }

    private static SessionSnapshot Snapshot(string qualification, SessionStatus status, DateTimeOffset startsAt) =>
        new(Guid.NewGuid(), 1, new SessionDetails(qualification, "Walidacja", startsAt, null, Guid.NewGuid(), false), status, []);
}

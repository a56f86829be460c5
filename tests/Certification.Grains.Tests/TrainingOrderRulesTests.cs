using Certification.Training;

namespace Certification.Grains.Tests;

/// <summary>Enrolment, the waiting list, phases and attendance as pure rules.</summary>
public sealed class TrainingOrderRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);
    private static readonly Guid ClientA = Guid.NewGuid();
    private static readonly Guid ClientB = Guid.NewGuid();

    [Fact]
    public void Places_fill_in_order_then_the_waiting_list_takes_the_rest()
    {
        var state = Order(capacity: 2, phase: "enrolment");
        var people = Enumerable.Range(0, 4).Select(_ => Guid.NewGuid()).ToList();

        for (var i = 0; i < people.Count; i++)
        {
            state = Ok(TrainingOrderRules.Enrol(state, people[i], ClientA, EnrolmentSource.Partner, "partner", Now.AddMinutes(i)));
        }

        Assert.Equal(
            [EnrolmentStatus.Enrolled, EnrolmentStatus.Enrolled, EnrolmentStatus.Waiting, EnrolmentStatus.Waiting],
            people.Select(p => state.EnrolmentOf(p)!.Status));
        Assert.Equal(TrainingOrderRules.AlreadyEnrolled, TrainingOrderRules.Enrol(state, people[2], ClientA, EnrolmentSource.Office, "office", Now).Error);
    }

    [Fact]
    public void A_resignation_promotes_the_first_on_the_waiting_list_and_both_are_recorded()
    {
        var state = Order(capacity: 1, phase: "enrolment");
        var (first, second, third) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        state = Ok(TrainingOrderRules.Enrol(state, first, ClientA, EnrolmentSource.Office, "office", Now));
        state = Ok(TrainingOrderRules.Enrol(state, second, ClientA, EnrolmentSource.Office, "office", Now.AddMinutes(1)));
        state = Ok(TrainingOrderRules.Enrol(state, third, ClientA, EnrolmentSource.Office, "office", Now.AddMinutes(2)));

        var (change, error) = TrainingOrderRules.Resign(state, first, EnrolmentSource.Partner, "partner", Now.AddHours(1));

        Assert.Null(error);
        Assert.Equal(
            [(OrderEventKind.Resigned, first), (OrderEventKind.Promoted, second)],
            change!.Events.Select(e => (e.Kind, e.PersonId!.Value)));
        Assert.Equal(EnrolmentStatus.Enrolled, change.State.EnrolmentOf(second)!.Status);
        Assert.Equal(EnrolmentStatus.Waiting, change.State.EnrolmentOf(third)!.Status);
        Assert.Equal(TrainingOrderRules.NotEnrolled, TrainingOrderRules.Resign(change.State, first, EnrolmentSource.Office, "office", Now).Error);

        // A resigned person may come back, at the end of the queue.
        var back = Ok(TrainingOrderRules.Enrol(change.State, first, ClientA, EnrolmentSource.Office, "office", Now.AddHours(2)));
        Assert.Equal(EnrolmentStatus.Waiting, back.EnrolmentOf(first)!.Status);
    }

    [Fact]
    public void A_larger_capacity_promotes_and_a_capacity_below_the_enrolled_is_refused()
    {
        var state = Order(capacity: 1, phase: "enrolment");
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        state = Ok(TrainingOrderRules.Enrol(state, first, null, EnrolmentSource.Office, "office", Now));
        state = Ok(TrainingOrderRules.Enrol(state, second, null, EnrolmentSource.Office, "office", Now));

        var larger = Ok(TrainingOrderRules.Update(state, state.Details! with { Capacity = 2 }, "office", Now));
        var smaller = TrainingOrderRules.Update(larger, larger.Details! with { Capacity = 1 }, "office", Now);

        Assert.Equal(EnrolmentStatus.Enrolled, larger.EnrolmentOf(second)!.Status);
        Assert.Equal(OrderRules.CapacityBelowEnrolled, smaller.Error);
    }

    [Theory]
    [InlineData("draft", EnrolmentSource.Partner, TrainingOrderRules.EnrolmentClosed)]
    [InlineData("announced", EnrolmentSource.Self, TrainingOrderRules.EnrolmentClosed)]
    [InlineData("closed", EnrolmentSource.Partner, TrainingOrderRules.EnrolmentClosed)]
    [InlineData("closed", EnrolmentSource.Office, null)]
    [InlineData("settled", EnrolmentSource.Office, TrainingOrderRules.OrderFinished)]
    [InlineData("cancelled", EnrolmentSource.Office, TrainingOrderRules.OrderFinished)]
    [InlineData("enrolment", EnrolmentSource.Self, null)]
    public void Outsiders_enrol_only_while_enrolment_is_open_and_the_office_until_the_order_is_finished(
        string phase, EnrolmentSource source, string? error)
    {
        Assert.Equal(error, TrainingOrderRules.Enrol(Order(2, phase), Guid.NewGuid(), ClientA, source, "x", Now).Error);
    }

    [Fact]
    public void Visibility_decides_which_outsiders_may_enrol()
    {
        var restricted = Order(5, "enrolment", OrderVisibility.Restricted, [ClientA]);
        var hidden = Order(5, "enrolment", OrderVisibility.Hidden);

        Assert.Null(TrainingOrderRules.Enrol(restricted, Guid.NewGuid(), ClientA, EnrolmentSource.Partner, "a", Now).Error);
        Assert.Equal(TrainingOrderRules.NotVisible, TrainingOrderRules.Enrol(restricted, Guid.NewGuid(), ClientB, EnrolmentSource.Partner, "b", Now).Error);
        Assert.Equal(TrainingOrderRules.NotVisible, TrainingOrderRules.Enrol(restricted, Guid.NewGuid(), null, EnrolmentSource.Self, "s", Now).Error);
        Assert.Equal(TrainingOrderRules.NotVisible, TrainingOrderRules.Enrol(hidden, Guid.NewGuid(), ClientA, EnrolmentSource.Partner, "a", Now).Error);
        Assert.Null(TrainingOrderRules.Enrol(hidden, Guid.NewGuid(), ClientA, EnrolmentSource.Office, "o", Now).Error);
    }

    [Fact]
    public void Phases_move_only_along_the_transitions_of_the_type()
    {
        var state = Order(2, "draft");

        Assert.Equal(TrainingOrderRules.PhaseNotAllowed, TrainingOrderRules.MoveTo(state, "delivered", "o", Now).Error);
        var announced = Ok(TrainingOrderRules.MoveTo(state, "announced", "o", Now));
        Assert.Equal("announced", announced.Phase);
        Assert.Equal("draft>announced", announced.Events[^1].Detail);
    }

    [Fact]
    public void Attendance_is_recorded_per_day_for_enrolled_people_and_earns_a_certificate_at_80_percent()
    {
        var state = Order(3, "enrolment", meetings:
        [
            new(new DateOnly(2026, 12, 1), new TimeOnly(9, 0), new TimeOnly(17, 0)),
            new(new DateOnly(2026, 12, 2), new TimeOnly(9, 0), new TimeOnly(11, 0)),
        ]);
        var (always, firstDayOnly, waiting) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        state = Ok(TrainingOrderRules.Enrol(state, always, null, EnrolmentSource.Office, "o", Now));
        state = Ok(TrainingOrderRules.Enrol(state, firstDayOnly, null, EnrolmentSource.Office, "o", Now));
        Assert.Equal(TrainingOrderRules.AttendanceClosed, TrainingOrderRules.RecordAttendance(state, new DateOnly(2026, 12, 1), [always], "o", Now).Error);
        state = Ok(TrainingOrderRules.MoveTo(state, "closed", "o", Now));
        state = Ok(TrainingOrderRules.MoveTo(state, "delivered", "o", Now));

        Assert.Equal(TrainingOrderRules.NotAMeetingDay, TrainingOrderRules.RecordAttendance(state, new DateOnly(2026, 12, 3), [always], "o", Now).Error);
        state = Ok(TrainingOrderRules.RecordAttendance(state, new DateOnly(2026, 12, 1), [always, firstDayOnly, waiting], "o", Now));
        state = Ok(TrainingOrderRules.RecordAttendance(state, new DateOnly(2026, 12, 2), [always], "o", Now));

        var details = state.Details!;
        Assert.Equal(100m, TrainingOrderRules.AttendancePercent(details, state.EnrolmentOf(always)!));
        Assert.Equal(80m, TrainingOrderRules.AttendancePercent(details, state.EnrolmentOf(firstDayOnly)!));
        Assert.True(TrainingOrderRules.EarnsCertificate(details, state.EnrolmentOf(firstDayOnly)!));
        Assert.Null(state.EnrolmentOf(waiting));
        Assert.Equal(3, state.Events.Count(e => e.Kind == OrderEventKind.Attendance));
    }

    [Fact]
    public void Order_types_are_checked_before_they_are_saved()
    {
        Assert.Empty(OrderTypes.Check(OrderTypes.Default).Errors);
        var broken = OrderTypes.Default with
        {
            Id = "Zła nazwa",
            Phases = [OrderTypes.Default.Phases[0], OrderTypes.Default.Phases[0]],
            Transitions = [new("draft", "nowhere")],
        };

        var codes = OrderTypes.Check(broken).Errors.Select(e => e.Code).ToList();

        Assert.Equal([OrderTypes.IdFormat, OrderTypes.PhaseRepeated, OrderTypes.TransitionUnknownPhase], codes);
    }

    private static TrainingOrderState Ok((TrainingOrderRules.Change? Change, string? Error) outcome)
    {
        Assert.Null(outcome.Error);
        return outcome.Change!.State;
    }

    private static TrainingOrderState Order(
        int capacity, string phase, OrderVisibility visibility = OrderVisibility.Public, IReadOnlyList<Guid>? clients = null,
        IReadOnlyList<TrainingMeeting>? meetings = null) =>
        new()
        {
            Type = OrderTypes.Default,
            Phase = phase,
            Details = new OrderDetails(
                "Obsługa CRM w urzędzie", null,
                meetings ?? [new(new DateOnly(2026, 12, 1), new TimeOnly(9, 0), new TimeOnly(15, 0))],
                Guid.NewGuid(), null, 350m, capacity, visibility, clients ?? []),
        };
}

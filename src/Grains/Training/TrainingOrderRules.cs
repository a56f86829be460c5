namespace Certification.Training;

/// <summary>
/// The rules of enrolment, the waiting list, phases and attendance, as pure functions of the order's
/// state: each returns the next state and what happened, or the rule that refused the change.
/// </summary>
public static class TrainingOrderRules
{
    /// <summary>Share of the training's hours a participant must attend to get a participation certificate.</summary>
    public const decimal CertificateAttendancePercent = 80m;

    public const string PhaseNotAllowed = "order.phase_transition";
    public const string EnrolmentClosed = "order.enrolment_closed";
    public const string NotVisible = "order.not_visible";
    public const string AlreadyEnrolled = "order.already_enrolled";
    public const string NotEnrolled = "order.not_enrolled";
    public const string OrderFinished = "order.finished";
    public const string AttendanceClosed = "order.attendance_closed";
    public const string NotAMeetingDay = "order.not_a_meeting_day";
    public const string CertificatesNotYet = "order.certificates_not_yet";

    public sealed record Change(TrainingOrderState State, IReadOnlyList<OrderEvent> Events);

    public static (Change? Change, string? Error) MoveTo(TrainingOrderState state, string phase, string actor, DateTimeOffset now)
    {
        if (!state.Type!.Allows(state.Phase, phase))
        {
            return (null, PhaseNotAllowed);
        }

        var next = state with { Phase = phase };
        return (Record(next, now, actor, [(OrderEventKind.PhaseChanged, null, $"{state.Phase}>{phase}")]), null);
    }

    /// <summary>
    /// Puts a person on the order: enrolled while places are free, otherwise on the waiting list.
    /// People from outside (a partner administrator, self-registration) may enrol only while the
    /// phase is published and open for enrolment and the order is visible to them; the office may
    /// also add people later, until the order is settled or cancelled.
    /// </summary>
    public static (Change? Change, string? Error) Enrol(
        TrainingOrderState state, Guid person, Guid? client, EnrolmentSource source, string actor, DateTimeOffset now)
    {
        var phase = state.CurrentPhase();
        if (source != EnrolmentSource.Office)
        {
            if (!phase.Published || !phase.Enrolment)
            {
                return (null, EnrolmentClosed);
            }

            var visible = source == EnrolmentSource.Self
                ? state.Details!.Visibility == OrderVisibility.Public
                : state.Details!.IsVisibleTo(client);
            if (!visible)
            {
                return (null, NotVisible);
            }
        }
        else if (IsFinished(state))
        {
            return (null, OrderFinished);
        }

        if (state.EnrolmentOf(person) is { Status: not EnrolmentStatus.Resigned })
        {
            return (null, AlreadyEnrolled);
        }

        var status = state.EnrolledCount() < state.Details!.Capacity ? EnrolmentStatus.Enrolled : EnrolmentStatus.Waiting;
        var enrolment = new Enrolment(person, client, status, source, now, []);
        var next = state with { Enrolments = [.. state.Enrolments.Where(e => e.PersonId != person), enrolment] };
        var kind = status == EnrolmentStatus.Enrolled ? OrderEventKind.Enrolled : OrderEventKind.WaitListed;
        return (Record(next, now, actor, [(kind, person, source.ToString())]), null);
    }

    /// <summary>Takes a person off the order; a freed place goes to the first on the waiting list.</summary>
    public static (Change? Change, string? Error) Resign(
        TrainingOrderState state, Guid person, EnrolmentSource by, string actor, DateTimeOffset now)
    {
        if (state.EnrolmentOf(person) is not { Status: not EnrolmentStatus.Resigned } current)
        {
            return (null, NotEnrolled);
        }

        var phase = state.CurrentPhase();
        if (by != EnrolmentSource.Office && !(phase.Published && phase.Enrolment))
        {
            return (null, EnrolmentClosed);
        }

        if (by == EnrolmentSource.Office && IsFinished(state))
        {
            return (null, OrderFinished);
        }

        var resigned = current with { Status = EnrolmentStatus.Resigned, Since = now };
        var next = state with { Enrolments = [.. state.Enrolments.Select(e => e.PersonId == person ? resigned : e)] };
        var (promoted, promotions) = Promote(next, now);
        return (Record(promoted, now, actor, [(OrderEventKind.Resigned, person, by.ToString()), .. promotions]), null);
    }

    /// <summary>New details; a larger capacity promotes from the waiting list, a smaller one may not drop enrolled people.</summary>
    public static (Change? Change, string? Error) Update(TrainingOrderState state, OrderDetails details, string actor, DateTimeOffset now)
    {
        if (details.Capacity < state.EnrolledCount())
        {
            return (null, OrderRules.CapacityBelowEnrolled);
        }

        var (next, promotions) = Promote(state with { Details = details }, now);
        return (Record(next, now, actor, [(OrderEventKind.Updated, null, null), .. promotions]), null);
    }

    public static Change Invite(TrainingOrderState state, IReadOnlyList<Guid> people, string actor, DateTimeOffset now)
    {
        var fresh = people.Distinct().Where(p => !state.Invited.Contains(p)).ToList();
        var next = state with { Invited = [.. state.Invited, .. fresh] };
        return Record(next, now, actor, [.. fresh.Select(p => (OrderEventKind.Invited, (Guid?)p, (string?)null))]);
    }

    /// <summary>Sets who was present on one meeting day; only enrolled people count, and only in a phase that records attendance.</summary>
    public static (Change? Change, string? Error) RecordAttendance(
        TrainingOrderState state, DateOnly day, IReadOnlyCollection<Guid> present, string actor, DateTimeOffset now)
    {
        if (!state.CurrentPhase().Attendance)
        {
            return (null, AttendanceClosed);
        }

        if (state.Details!.Meetings.All(m => m.Date != day))
        {
            return (null, NotAMeetingDay);
        }

        var events = new List<(OrderEventKind, Guid?, string?)>();
        var enrolments = state.Enrolments.Select(e =>
        {
            if (e.Status != EnrolmentStatus.Enrolled)
            {
                return e;
            }

            var was = e.Attended.Contains(day);
            var @is = present.Contains(e.PersonId);
            if (was == @is)
            {
                return e;
            }

            events.Add((OrderEventKind.Attendance, e.PersonId, $"{day:yyyy-MM-dd}:{(@is ? "present" : "absent")}"));
            return e with { Attended = @is ? [.. e.Attended, day] : [.. e.Attended.Where(d => d != day)] };
        }).ToList();
        return (Record(state with { Enrolments = enrolments }, now, actor, events), null);
    }

    /// <summary>
    /// Gives a certificate to every participant who attended enough and has none yet, numbered in the
    /// order they are issued. Possible once attendance is being recorded, or when the order is finished.
    /// </summary>
    public static (Change? Change, string? Error) IssueCertificates(
        TrainingOrderState state, Guid orderId, Func<string> newCode, string actor, DateTimeOffset now)
    {
        if (!state.CurrentPhase().Attendance && !IsFinished(state))
        {
            return (null, CertificatesNotYet);
        }

        var details = state.Details!;
        var issuedOn = DateOnly.FromDateTime(now.UtcDateTime);
        var certificates = state.Certificates.ToList();
        var events = new List<(OrderEventKind, Guid?, string?)>();
        foreach (var enrolment in state.Enrolments.Where(e => EarnsCertificate(details, e) && certificates.All(c => c.PersonId != e.PersonId)))
        {
            var number = $"ZU/{details.Meetings[^1].Date.Year}/{orderId.ToString("N")[..6].ToUpperInvariant()}/{certificates.Count + 1:00}";
            certificates.Add(new IssuedCertificate(enrolment.PersonId, number, newCode(), issuedOn));
            events.Add((OrderEventKind.CertificateIssued, enrolment.PersonId, number));
        }

        return (Record(state with { Certificates = certificates }, now, actor, events), null);
    }

    /// <summary>
    /// Puts <paramref name="survivor"/> wherever the order names <paramref name="absorbed"/>, two records of one person
    /// being merged; null when the order does not name the absorbed record. When both were on the order, the better
    /// enrolment is kept (enrolled before waiting before resigned, then a certificate, then more days attended, then the
    /// earlier one) with the days attended on either, since they are one person's; a place that frees goes to the
    /// waiting list unless the order is finished. Certificates keep their numbers: a document issued stays valid.
    /// </summary>
    public static Change? ReplacePerson(TrainingOrderState state, Guid absorbed, Guid survivor, string actor, DateTimeOffset now)
    {
        var theirs = state.EnrolmentOf(absorbed);
        var named = theirs is not null || state.Invited.Contains(absorbed) || state.Details?.TrainerId == absorbed
            || state.Certificates.Any(c => c.PersonId == absorbed);
        if (!named)
        {
            return null;
        }

        var ours = state.EnrolmentOf(survivor);
        var detail = absorbed.ToString("N");
        var enrolments = state.Enrolments;
        if (theirs is not null)
        {
            Enrolment kept;
            if (ours is null)
            {
                kept = theirs with { PersonId = survivor };
            }
            else
            {
                var better = Rank(state, ours).CompareTo(Rank(state, theirs)) >= 0 ? ours : theirs;
                var attended = better.Status == EnrolmentStatus.Enrolled ? ours.Attended.Union(theirs.Attended).Order().ToList() : better.Attended;
                kept = better with { PersonId = survivor, Attended = attended };
                var dropped = ReferenceEquals(better, ours) ? theirs : ours;
                detail += $";kept={(ReferenceEquals(better, ours) ? "survivor" : "absorbed")}:{better.Status};dropped={dropped.Status}";
            }

            enrolments = [.. enrolments.Where(e => e.PersonId != absorbed && e.PersonId != survivor), kept];
        }

        var next = state with
        {
            Details = state.Details!.TrainerId == absorbed ? state.Details with { TrainerId = survivor } : state.Details,
            Enrolments = enrolments,
            Invited = [.. state.Invited.Select(p => p == absorbed ? survivor : p).Distinct()],
            Certificates = [.. state.Certificates.Select(c => c.PersonId == absorbed ? c with { PersonId = survivor } : c)],
        };
        var merged = (OrderEventKind.PersonMerged, (Guid?)survivor, (string?)detail);
        if (IsFinished(next))
        {
            return Record(next, now, actor, [merged]);
        }

        var (promoted, promotions) = Promote(next, now);
        return Record(promoted, now, actor, [merged, .. promotions]);
    }

    private static (int Status, bool Certificate, int Days, long Earlier) Rank(TrainingOrderState state, Enrolment enrolment) =>
        (enrolment.Status switch { EnrolmentStatus.Enrolled => 3, EnrolmentStatus.Waiting => 2, _ => 1 },
            state.Certificates.Any(c => c.PersonId == enrolment.PersonId), enrolment.Attended.Count, -enrolment.Since.UtcTicks);

    /// <summary>Share of the order's hours the person attended.</summary>
    public static decimal AttendancePercent(OrderDetails details, Enrolment enrolment)
    {
        var total = details.Hours();
        var attended = (decimal)details.Meetings.Where(m => enrolment.Attended.Contains(m.Date)).Sum(m => m.Length().TotalMinutes) / 60m;
        return total == 0 ? 0 : Math.Round(attended * 100m / total, 1);
    }

    public static bool EarnsCertificate(OrderDetails details, Enrolment enrolment) =>
        enrolment.Status == EnrolmentStatus.Enrolled && AttendancePercent(details, enrolment) >= CertificateAttendancePercent;

    /// <summary>An order whose phase leads nowhere (settled, cancelled) no longer changes its people.</summary>
    public static bool IsFinished(TrainingOrderState state) => !state.Type!.Transitions.Any(t => t.From == state.Phase);

    private static (TrainingOrderState State, List<(OrderEventKind, Guid?, string?)> Events) Promote(TrainingOrderState state, DateTimeOffset now)
    {
        var events = new List<(OrderEventKind, Guid?, string?)>();
        var free = state.Details!.Capacity - state.EnrolledCount();
        var promoted = state.Enrolments
            .Where(e => e.Status == EnrolmentStatus.Waiting)
            .OrderBy(e => e.Since)
            .Take(Math.Max(0, free))
            .Select(e => e.PersonId)
            .ToHashSet();
        if (promoted.Count == 0)
        {
            return (state, events);
        }

        events.AddRange(promoted.Select(p => (OrderEventKind.Promoted, (Guid?)p, (string?)null)));
        var enrolments = state.Enrolments.Select(e => promoted.Contains(e.PersonId) ? e with { Status = EnrolmentStatus.Enrolled, Since = now } : e);
        return (state with { Enrolments = [.. enrolments] }, events);
    }

    private static Change Record(TrainingOrderState state, DateTimeOffset now, string actor, IEnumerable<(OrderEventKind Kind, Guid? Person, string? Detail)> happened)
    {
        var seq = state.Events.Count;
        var events = happened.Select(h => new OrderEvent(++seq, now, actor, h.Kind, h.Person, h.Detail)).ToList();
        return new Change(state with { Events = [.. state.Events, .. events], UpdatedAt = now, Version = state.Version + 1 }, events);
    }
}

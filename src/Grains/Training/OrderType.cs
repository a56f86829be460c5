using System.Text.RegularExpressions;
using Certification.Common;

namespace Certification.Training;

/// <summary>
/// One phase of a kind of training order and what it allows: whether the order is shown outside
/// (extranet, public page), whether people may enrol or resign, whether attendance is recorded.
/// </summary>
[GenerateSerializer, Immutable, Alias("cert.training.OrderPhase")]
public sealed record OrderPhase(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] bool Published,
    [property: Id(3)] bool Enrolment,
    [property: Id(4)] bool Attendance);

[GenerateSerializer, Immutable, Alias("cert.training.PhaseTransition")]
public sealed record PhaseTransition([property: Id(0)] string From, [property: Id(1)] string To);

/// <summary>A kind of training order with its own phases; an order starts in the first phase and moves only along the transitions.</summary>
[GenerateSerializer, Immutable, Alias("cert.training.OrderType")]
public sealed record OrderType(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] IReadOnlyList<OrderPhase> Phases,
    [property: Id(3)] IReadOnlyList<PhaseTransition> Transitions)
{
    public OrderPhase Initial() => Phases[0];

    public OrderPhase? Phase(string id) => Phases.FirstOrDefault(p => p.Id == id);

    public bool Allows(string from, string to) => Transitions.Any(t => t.From == from && t.To == to);

    public IEnumerable<OrderPhase> Next(string from) =>
        Transitions.Where(t => t.From == from).Select(t => Phase(t.To)).OfType<OrderPhase>();
}

public static partial class OrderTypes
{
    public const string DefaultId = "szkolenie";

    public const string UnknownType = "order_type.unknown";
    public const string IdFormat = "order_type.id_format";
    public const string TooFewPhases = "order_type.too_few_phases";
    public const string PhaseRepeated = "order_type.phase_repeated";
    public const string TransitionUnknownPhase = "order_type.transition_unknown_phase";

    /// <summary>
    /// The usual course of an open training: prepared, announced, open for enrolment, closed,
    /// delivered, settled; it can be cancelled before delivery and reopened for late enrolment.
    /// </summary>
    public static OrderType Default { get; } = new(
        DefaultId,
        "Szkolenie",
        [
            new("draft", "Szkic", Published: false, Enrolment: false, Attendance: false),
            new("announced", "Ogłoszone", Published: true, Enrolment: false, Attendance: false),
            new("enrolment", "Zapisy otwarte", Published: true, Enrolment: true, Attendance: false),
            new("closed", "Zapisy zamknięte", Published: true, Enrolment: false, Attendance: false),
            new("delivered", "Zrealizowane", Published: true, Enrolment: false, Attendance: true),
            new("settled", "Rozliczone", Published: true, Enrolment: false, Attendance: false),
            new("cancelled", "Odwołane", Published: false, Enrolment: false, Attendance: false),
        ],
        [
            new("draft", "announced"),
            new("draft", "enrolment"),
            new("announced", "enrolment"),
            new("enrolment", "closed"),
            new("closed", "enrolment"),
            new("closed", "delivered"),
            new("delivered", "settled"),
            new("draft", "cancelled"),
            new("announced", "cancelled"),
            new("enrolment", "cancelled"),
            new("closed", "cancelled"),
        ]);

    public static (OrderType Normalized, List<FieldError> Errors) Check(OrderType type)
    {
        var errors = new List<FieldError>();
        var id = FieldRules.Text(errors, "Id", type.Id, 40);
        if (id is not null && !IdPattern().IsMatch(id))
        {
            errors.Add(new FieldError("Id", IdFormat));
        }

        var name = FieldRules.Text(errors, "Name", type.Name, 100) ?? string.Empty;
        var phases = new List<OrderPhase>();
        foreach (var phase in type.Phases)
        {
            var phaseId = FieldRules.Text(errors, "Phases", phase.Id, 40);
            var phaseName = FieldRules.Text(errors, "Phases", phase.Name, 100);
            if (phaseId is not null && !IdPattern().IsMatch(phaseId))
            {
                errors.Add(new FieldError("Phases", IdFormat));
            }

            phases.Add(phase with { Id = phaseId ?? string.Empty, Name = phaseName ?? string.Empty });
        }

        if (phases.Count < 2)
        {
            errors.Add(new FieldError("Phases", TooFewPhases));
        }

        if (phases.Select(p => p.Id).Distinct(StringComparer.Ordinal).Count() != phases.Count)
        {
            errors.Add(new FieldError("Phases", PhaseRepeated));
        }

        var transitions = type.Transitions.Distinct().ToList();
        if (transitions.Any(t => t.From == t.To || phases.All(p => p.Id != t.From) || phases.All(p => p.Id != t.To)))
        {
            errors.Add(new FieldError("Transitions", TransitionUnknownPhase));
        }

        return (new OrderType(id ?? string.Empty, name, phases, transitions), errors);
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,39}$")]
    private static partial Regex IdPattern();
}

using Certification.Common;

namespace Certification.Training;

/// <summary>Who may see an order outside the office: everyone, only the listed clients' people, or nobody.</summary>
public enum OrderVisibility
{
    Public = 1,
    Restricted = 2,
    Hidden = 3,
}

/// <summary>One day of a training, with its hours.</summary>
[GenerateSerializer, Immutable, Alias("cert.training.TrainingMeeting")]
public sealed record TrainingMeeting([property: Id(0)] DateOnly Date, [property: Id(1)] TimeOnly From, [property: Id(2)] TimeOnly To)
{
    public TimeSpan Length() => To - From;
}

/// <summary>What a training administrator enters for a training order (zlecenie).</summary>
[GenerateSerializer, Immutable, Alias("cert.training.OrderDetails")]
public sealed record OrderDetails(
    [property: Id(0)] string Title,
    [property: Id(1)] string? Description,
    [property: Id(2)] IReadOnlyList<TrainingMeeting> Meetings,
    [property: Id(3)] Guid LocationId,
    [property: Id(4)] Guid? TrainerId,
    [property: Id(5)] decimal PricePerParticipant,
    [property: Id(6)] int Capacity,
    [property: Id(7)] OrderVisibility Visibility,
    [property: Id(8)] IReadOnlyList<Guid> VisibleToClients)
{
    /// <summary>Clock hours of all meetings together.</summary>
    public decimal Hours() => (decimal)Meetings.Sum(m => m.Length().TotalMinutes) / 60m;

    public bool IsVisibleTo(Guid? clientId) => Visibility switch
    {
        OrderVisibility.Public => true,
        OrderVisibility.Restricted => clientId is { } id && VisibleToClients.Contains(id),
        _ => false,
    };
}

public static class OrderRules
{
    public const int MaxCapacity = 1000;

    public const string MeetingsRequired = "order.meetings_required";
    public const string MeetingHours = "order.meeting_hours";
    public const string MeetingsRepeat = "order.meetings_repeat";
    public const string UnknownLocation = "order.location_unknown";
    public const string PriceRange = "order.price_range";
    public const string CapacityRange = "order.capacity_range";
    public const string CapacityBelowEnrolled = "order.capacity_below_enrolled";
    public const string ClientsRequired = "order.clients_required";

    public static (OrderDetails Normalized, List<FieldError> Errors) Check(OrderDetails details, IReadOnlyCollection<Guid> locations)
    {
        var errors = new List<FieldError>();
        var title = FieldRules.Text(errors, "Title", details.Title, 200) ?? string.Empty;
        var description = FieldRules.Text(errors, "Description", details.Description, 4000, required: false);
        var meetings = details.Meetings.OrderBy(m => m.Date).ThenBy(m => m.From).ToList();
        if (meetings.Count == 0)
        {
            errors.Add(new FieldError("Meetings", MeetingsRequired));
        }
        else if (meetings.Any(m => m.To <= m.From))
        {
            errors.Add(new FieldError("Meetings", MeetingHours));
        }
        else if (meetings.Select(m => m.Date).Distinct().Count() != meetings.Count)
        {
            errors.Add(new FieldError("Meetings", MeetingsRepeat));
        }

        if (!locations.Contains(details.LocationId))
        {
            errors.Add(new FieldError("LocationId", UnknownLocation));
        }

        if (details.PricePerParticipant is < 0 or > 1_000_000 || decimal.Round(details.PricePerParticipant, 2) != details.PricePerParticipant)
        {
            errors.Add(new FieldError("PricePerParticipant", PriceRange));
        }

        if (details.Capacity is < 1 or > MaxCapacity)
        {
            errors.Add(new FieldError("Capacity", CapacityRange));
        }

        var clients = details.Visibility == OrderVisibility.Restricted ? details.VisibleToClients.Distinct().ToList() : [];
        if (details.Visibility == OrderVisibility.Restricted && clients.Count == 0)
        {
            errors.Add(new FieldError("VisibleToClients", ClientsRequired));
        }

        var trainer = details.TrainerId == Guid.Empty ? null : details.TrainerId;
        return (details with { Title = title, Description = description, Meetings = meetings, TrainerId = trainer, VisibleToClients = clients }, errors);
    }
}

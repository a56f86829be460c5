using System.Globalization;
using Certification.Training;

namespace Certification.Portal.Training;

/// <summary>The order form as posted: meeting days as rows, of which empty ones are ignored.</summary>
public sealed class OrderForm
{
    /// <summary>Rows shown for meeting days; an order of more days is entered in two saves.</summary>
    public const int MeetingRows = 6;

    public int Version { get; set; }
    public string TypeId { get; set; } = OrderTypes.DefaultId;
    public string? Title { get; set; }
    public string? Description { get; set; }
    public List<MeetingRow> Meetings { get; set; } = [];
    public Guid LocationId { get; set; }
    public Guid? TrainerId { get; set; }
    public string? Price { get; set; }
    public int Capacity { get; set; } = 20;
    public OrderVisibility Visibility { get; set; } = OrderVisibility.Public;
    public List<Guid> VisibleToClients { get; set; } = [];

    /// <summary>The details to send, or null with the field that could not be read (a price or a time that is not one).</summary>
    public (OrderDetails? Details, string? BadField) ToDetails()
    {
        var meetings = new List<TrainingMeeting>();
        foreach (var row in Meetings.Where(r => !r.IsEmpty()))
        {
            if (row.Date is not { } date || row.From is not { } from || row.To is not { } to)
            {
                return (null, nameof(Meetings));
            }

            meetings.Add(new TrainingMeeting(date, from, to));
        }

        var price = (Price ?? "0").Trim().Replace(" ", string.Empty, StringComparison.Ordinal).Replace(',', '.');
        if (!decimal.TryParse(price, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
        {
            return (null, nameof(Price));
        }

        return (new OrderDetails(Title ?? string.Empty, Description, meetings, LocationId, TrainerId, amount, Capacity, Visibility, VisibleToClients), null);
    }

    public static OrderForm From(OrderSnapshot order) => new()
    {
        Version = order.Version,
        TypeId = order.Type.Id,
        Title = order.Details.Title,
        Description = order.Details.Description,
        Meetings = [.. order.Details.Meetings.Select(m => new MeetingRow { Date = m.Date, From = m.From, To = m.To })],
        LocationId = order.Details.LocationId,
        TrainerId = order.Details.TrainerId,
        Price = order.Details.PricePerParticipant.ToString("0.00", CultureInfo.InvariantCulture),
        Capacity = order.Details.Capacity,
        Visibility = order.Details.Visibility,
        VisibleToClients = [.. order.Details.VisibleToClients],
    };

    /// <summary>Fills up the blank rows the form shows for more meeting days.</summary>
    public OrderForm WithBlankRows()
    {
        while (Meetings.Count < MeetingRows)
        {
            Meetings.Add(new MeetingRow());
        }

        return this;
    }
}

public sealed class MeetingRow
{
    public DateOnly? Date { get; set; }
    public TimeOnly? From { get; set; }
    public TimeOnly? To { get; set; }

    public bool IsEmpty() => Date is null && From is null && To is null;
}

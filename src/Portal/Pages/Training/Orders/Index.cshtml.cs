using System.Globalization;
using Certification.Portal.Localization;
using Certification.Portal.Training;
using Certification.Training;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Training.Orders;

/// <summary>Training orders as a list with filters, or as a month calendar.</summary>
public sealed class IndexModel(TrainingQueries queries, IGrainFactory grains, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Phase { get; set; }

    /// <summary>A month (yyyy-MM) shows the calendar of that month instead of the list.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Month { get; set; }

    public DateOnly? CalendarMonth { get; private set; }

    public IReadOnlyList<OrderListItem> Orders { get; private set; } = [];

    public IReadOnlyList<OrderPhase> Phases { get; private set; } = [];

    public IReadOnlyDictionary<Guid, TrainingLocation> Locations { get; private set; } = new Dictionary<Guid, TrainingLocation>();

    public async Task OnGetAsync()
    {
        var setup = await grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).GetAsync();
        Phases = [.. setup.Types.SelectMany(t => t.Phases).DistinctBy(p => p.Id)];
        Locations = setup.Locations.ToDictionary(l => l.Id);
        if (Month is not null)
        {
            CalendarMonth = DateOnly.TryParseExact(Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first)
                ? first
                : ThisMonth();
            Orders = await queries.OrdersAsync(Search, Phase, CalendarMonth, CalendarMonth.Value.AddMonths(1).AddDays(-1));
        }
        else
        {
            Orders = await queries.OrdersAsync(Search, Phase, null, null);
        }
    }

    public DateOnly ThisMonth()
    {
        var today = clock.GetUtcNow().InPoland();
        return new DateOnly(today.Year, today.Month, 1);
    }

    /// <summary>The weeks of the calendar month, Monday first, with days of the neighbouring months as null.</summary>
    public IEnumerable<DateOnly?[]> Weeks()
    {
        var first = CalendarMonth!.Value;
        var offset = ((int)first.DayOfWeek + 6) % 7;
        var days = Enumerable.Repeat<DateOnly?>(null, offset)
            .Concat(Enumerable.Range(0, DateTime.DaysInMonth(first.Year, first.Month)).Select(d => (DateOnly?)first.AddDays(d)))
            .ToList();
        while (days.Count % 7 != 0)
        {
            days.Add(null);
        }

        return days.Chunk(7);
    }

    public IEnumerable<OrderListItem> On(DateOnly day) => Orders.Where(o => o.FirstDay <= day && o.LastDay >= day);
}

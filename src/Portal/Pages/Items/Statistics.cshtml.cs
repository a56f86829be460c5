using System.Globalization;
using Certification.Items;
using Certification.Portal.Items;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Certification.Portal.Pages.Items;

/// <summary>
/// Classical item analysis of the bank from the attempts submitted so far: what a psychometrician reviews
/// before items are rewritten or retired. Computed on each request; the attempts are the only source.
/// </summary>
public sealed class StatisticsModel(ItemStatisticsQueries queries) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Concern { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Criterion { get; set; }

    [BindProperty(SupportsGet = true)]
    public ItemSort Sort { get; set; } = ItemSort.Id;

    [BindProperty(SupportsGet = true)]
    public bool Descending { get; set; }

    public string Qualification { get; } = ItemBanks.Default;

    public TestSummary Summary { get; private set; } = new(0, 0, null, null, null, null);

    public IReadOnlyList<string> Criteria { get; private set; } = [];

    public IReadOnlyList<ItemStats> Items { get; private set; } = [];

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnGetCsvAsync()
    {
        await LoadAsync();
        return File(ItemStatisticsCsv.Write(Items), "text/csv; charset=utf-8", $"{Qualification}-item-statistics-{DateTime.UtcNow:yyyyMMdd}.csv");
    }

    /// <summary>A statistic as the page shows it: two decimals in the reader's language, a dash where it is undefined.</summary>
    public static string Show(double? value, string format = "0.00") => value?.ToString(format, CultureInfo.CurrentCulture) ?? "—";

    /// <summary>The query that keeps the current filter and sorts by <paramref name="column"/>, flipping the order on a second click.</summary>
    public object SortedBy(ItemSort column) =>
        new { concern = Concern, criterion = Criterion, sort = column, descending = Sort == column && !Descending };

    private async Task LoadAsync()
    {
        var analysis = ItemStatistics.Analyse(await queries.SubmittedAttemptsAsync(Qualification));
        Summary = analysis.Summary;
        Criteria = [.. analysis.Items.Select(i => i.Criterion).Distinct().Order(StringComparer.Ordinal)];
        Items = new ItemStatisticsFilter(Concern, Criterion, Sort, Descending).Apply(analysis.Items);
    }
}

using System.Globalization;
using System.Text;
using Certification.Items;

namespace Certification.Portal.Items;

/// <summary>
/// The item statistics table for R, Excel or a psychometrics package: comma-separated, decimal point, fixed
/// English column names whatever the page's language, an empty cell where a statistic is undefined.
/// </summary>
public static class ItemStatisticsCsv
{
    private const string Header =
        "item_id,version,outcome,criterion,kind,responses,omitted,p,mean_score,item_rest_r,upper_lower_d,too_few_responses,concerns,options";

    public static byte[] Write(IEnumerable<ItemStats> items)
    {
        // The byte-order mark tells Excel the file is UTF-8.
        var csv = new StringBuilder("\uFEFF").Append(Header).Append("\r\n");
        foreach (var item in items)
        {
            string[] cells =
            [
                item.ItemId, Number(item.Version), item.Outcome, item.Criterion, item.Kind.ToString(), Number(item.Responses), Number(item.Omitted),
                Number(item.Facility), Number(item.MeanScore), Number(item.ItemRest), Number(item.UpperLower),
                item.TooFewResponses ? "true" : "false", string.Join(' ', item.Concerns), Options(item.Options),
            ];
            csv.AppendJoin(',', cells.Select(Cell)).Append("\r\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    /// <summary>Per option: its id (a star for a key), how many chose it, and the shares of the upper and lower groups.</summary>
    private static string Options(IReadOnlyList<OptionStats> options) =>
        string.Join("; ", options.Select(o => $"{o.Id}{(o.Key ? "*" : "")} n={Number(o.Chosen)} U={Number(o.UpperShare)} L={Number(o.LowerShare)}"));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double? value) => value?.ToString("0.000", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Cell(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}

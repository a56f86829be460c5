using System.Globalization;
using Certification.ExamSimulator.Text;
using CsvHelper;

namespace Certification.ExamSimulator.Reports;

/// <summary>
/// A report's table as CSV the way a Polish spreadsheet opens it: semicolons, comma decimals, no thousands
/// separator. Text typed by a candidate that starts like a formula is escaped, so the file never runs one.
/// </summary>
public static class ReportCsv
{
    private static readonly CsvWriterOptions Options = CsvWriterOptions.Default with { Separator = ';', Injection = CsvInjection.Escape };

    public static string Write(ReportResult result)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = CsvWriter.Create(text, Options, true))
        {
            Table(csv, result.Columns, result.Rows);
        }

        if (result.DetailColumns.Count > 0)
        {
            // The records under a summary have other columns: a second table after an empty line, as a spreadsheet shows it.
            text.Write("\r\n");
            using var details = CsvWriter.Create(text, Options, true);
            Table(details, result.DetailColumns, result.DetailRows);
        }

        return text.ToString();
    }

    private static void Table(CsvWriter csv, IReadOnlyList<ReportColumn> columns, IReadOnlyList<ReportRow> rows)
    {
        csv.WriteRecord([.. columns.Select(c => c.Label)]);
        foreach (var row in rows)
        {
            csv.WriteRecord([.. row.Cells.Select(c => c.Number is { } number ? PlFormat.Plain(number) : c.Text)]);
        }
    }
}

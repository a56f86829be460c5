using System.Globalization;
using System.Text;

namespace Certification.Training;

/// <summary>
/// An iCalendar (RFC 5545) file of a training: one event per meeting day, in Polish local time, so
/// a participant's calendar shows the hours as they are on the order.
/// </summary>
public static class TrainingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static byte[] Write(Guid orderId, OrderDetails details, TrainingLocation? location, DateTimeOffset stamp)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Certyfikacja CRM//Szkolenia//PL",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
        };
        var where = location is null ? null : $"{location.Name}, {location.Address}, {location.City}";
        foreach (var meeting in details.Meetings)
        {
            lines.Add("BEGIN:VEVENT");
            // Stable per order and day, wherever the file came from (a download, a mail): a calendar that
            // imports it again updates the events instead of doubling them.
            lines.Add($"UID:{orderId:N}-{meeting.Date:yyyyMMdd}@certyfikacja-crm");
            lines.Add($"DTSTAMP:{stamp.UtcDateTime:yyyyMMdd'T'HHmmss'Z'}");
            lines.Add($"DTSTART;TZID=Europe/Warsaw:{Local(meeting.Date, meeting.From)}");
            lines.Add($"DTEND;TZID=Europe/Warsaw:{Local(meeting.Date, meeting.To)}");
            lines.Add("SUMMARY:" + Escape(details.Title));
            if (where is not null)
            {
                lines.Add("LOCATION:" + Escape(where));
            }

            if (details.Description is { } description)
            {
                lines.Add("DESCRIPTION:" + Escape(description));
            }

            lines.Add("END:VEVENT");
        }

        lines.Add("END:VCALENDAR");
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(text, line);
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Local(DateOnly date, TimeOnly time) =>
        date.ToDateTime(time).ToString("yyyyMMdd'T'HHmmss", CultureInfo.InvariantCulture);

    private static string Escape(string value) =>
        value.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace(";", @"\;", StringComparison.Ordinal)
            .Replace(",", @"\,", StringComparison.Ordinal)
            .Replace("\r\n", @"\n", StringComparison.Ordinal)
            .Replace("\n", @"\n", StringComparison.Ordinal);

    // Lines longer than 75 octets continue on the next line after a space; a Polish letter is two
    // octets in UTF-8 and is never split.
    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > 75)
            {
                text.Append("\r\n ");
                octets = 1;
            }

            text.Append(rune.ToString());
            octets += size;
        }

        text.Append("\r\n");
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using ClosedXML.Excel;
using CsvHelper;

namespace Certification.Crm.Import;

/// <summary>One data row of an import file: its row number as the user sees it and its values, one per column of the kind.</summary>
[GenerateSerializer, Immutable, Alias("cert.crm.ImportSourceRow")]
public sealed record ImportSourceRow([property: Id(0)] int Line, [property: Id(1)] ImmutableArray<string> Values);

/// <summary>The rows read from a file, or why the file as a whole cannot be read (then there are no rows).</summary>
public sealed record ImportFileResult(ImmutableArray<ImportSourceRow> Rows, string? ErrorCode, string? Detail)
{
    public static ImportFileResult Failed(string code, string? detail = null) => new([], code, detail);
}

/// <summary>
/// Reads a CSV (UTF-8, separated by ; or ,) or the first sheet of an XLSX into rows of one kind's columns (see
/// <see cref="ImportColumns.With"/>: the custom fields' columns follow the kind's own, in the order of the fields given).
/// Anything wrong with the file as a whole is one error and no rows, so nothing of a bad file is ever kept.
/// </summary>
public static class ImportFile
{
    public const int MaxBytes = 5 * 1024 * 1024;
    public const int MaxRows = 5000;

    public const string WrongType = "import.file.type";
    public const string Empty = "import.file.empty";
    public const string TooLarge = "import.file.too_large";
    public const string TooManyRows = "import.file.too_many_rows";
    public const string NotUtf8 = "import.file.encoding";
    public const string Unreadable = "import.file.unreadable";
    public const string MissingColumns = "import.file.missing_columns";
    public const string UnknownColumn = "import.file.unknown_column";
    public const string RepeatedColumn = "import.file.repeated_column";
    public const string NoRows = "import.file.no_rows";

    public static ImportFileResult Read(ImportKind kind, string fileName, Stream content) => Read(ImportColumns.For(kind), fileName, content);

    public static ImportFileResult Read(IReadOnlyList<ImportColumn> columns, string fileName, Stream content)
    {
        var bytes = ReadLimited(content);
        if (bytes is null)
        {
            return ImportFileResult.Failed(TooLarge);
        }

        if (bytes.Length == 0)
        {
            return ImportFileResult.Failed(Empty);
        }

        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        var isZip = bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        return extension switch
        {
            ".xlsx" when isZip => ReadSheet(columns, bytes),
            ".csv" or ".txt" when !isZip => ReadCsv(columns, bytes),
            _ => ImportFileResult.Failed(WrongType),
        };
    }

    private static byte[]? ReadLimited(Stream content)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = content.Read(chunk, 0, chunk.Length)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return null;
            }
        }

        return buffer.ToArray();
    }

    private static ImportFileResult ReadCsv(IReadOnlyList<ImportColumn> columns, byte[] bytes)
    {
        string text;
        try
        {
            // Excel's "CSV" is often Windows-1250: decoding it leniently would import mangled Polish letters.
            text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(bytes).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return ImportFileResult.Failed(NotUtf8);
        }

        var firstLine = text.Split('\n', 2)[0];
        var options = CsvReaderOptions.Default with
        {
            Separator = firstLine.Count(c => c == ';') >= firstLine.Count(c => c == ',') ? ';' : ',',
            HasHeader = false,
            TrackLineNumbers = true,
        };
        var records = new List<(int Line, string[] Cells)>();
        try
        {
            using var reader = CsvReader.FromText(text, options);
            while (reader.Read())
            {
                if (records.Count > MaxRows)
                {
                    return ImportFileResult.Failed(TooManyRows);
                }

                records.Add(((int)reader.LineNumber, Enumerable.Range(0, reader.FieldCount).Select(reader.GetString).ToArray()));
            }
        }
        catch (CsvFormatException)
        {
            return ImportFileResult.Failed(Unreadable);
        }

        return Shape(columns, records);
    }

    private static ImportFileResult ReadSheet(IReadOnlyList<ImportColumn> columns, byte[] bytes)
    {
        var records = new List<(int Line, string[] Cells)>();
        try
        {
            using var workbook = new XLWorkbook(new MemoryStream(bytes));
            var sheet = workbook.Worksheets.FirstOrDefault();
            var used = sheet?.RangeUsed();
            if (used is null)
            {
                return ImportFileResult.Failed(Empty);
            }

            if (used.RowCount() > MaxRows + 1)
            {
                return ImportFileResult.Failed(TooManyRows);
            }

            var lastColumn = used.LastColumn().ColumnNumber();
            foreach (var row in used.Rows())
            {
                // The formatted text is what the user sees in Excel: a PESEL kept as text keeps its leading zero.
                var cells = Enumerable.Range(1, lastColumn).Select(c => row.WorksheetRow().Cell(c).GetFormattedString()).ToArray();
                records.Add((row.RowNumber(), cells));
            }
        }
        // The workbook is untrusted input to a third-party parser, which fails on broken files with many kinds of
        // exception; any of them means the same to the user: this file cannot be read.
        catch (Exception)
        {
            return ImportFileResult.Failed(Unreadable);
        }

        return Shape(columns, records);
    }

    /// <summary>Maps the header to the kind's columns and every non-blank row below it to values in column order.</summary>
    private static ImportFileResult Shape(IReadOnlyList<ImportColumn> columns, List<(int Line, string[] Cells)> records)
    {
        var header = records.FindIndex(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c)));
        if (header < 0)
        {
            return ImportFileResult.Failed(Empty);
        }

        var positions = new int[columns.Count];
        Array.Fill(positions, -1);
        var cells = records[header].Cells;
        for (var i = 0; i < cells.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(cells[i]))
            {
                continue;
            }

            var column = ImportColumns.IndexOf(columns, cells[i]);
            if (column < 0)
            {
                return ImportFileResult.Failed(UnknownColumn, cells[i].Trim());
            }

            if (positions[column] >= 0)
            {
                return ImportFileResult.Failed(RepeatedColumn, cells[i].Trim());
            }

            positions[column] = i;
        }

        var missing = columns.Where((c, i) => c.Required && positions[i] < 0).Select(c => c.Polish).ToList();
        if (missing.Count > 0)
        {
            return ImportFileResult.Failed(MissingColumns, string.Join(", ", missing));
        }

        var rows = records.Skip(header + 1)
            .Where(r => r.Cells.Any(c => !string.IsNullOrWhiteSpace(c)))
            .Select(r => new ImportSourceRow(r.Line, [.. positions.Select(p => p >= 0 && p < r.Cells.Length ? r.Cells[p].Trim() : string.Empty)]))
            .ToImmutableArray();
        return rows.IsEmpty ? ImportFileResult.Failed(NoRows) : new ImportFileResult(rows, null, null);
    }
}

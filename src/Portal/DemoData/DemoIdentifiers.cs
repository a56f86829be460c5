using Bogus;

namespace Certification.Portal.DemoData;

/// <summary>Random but valid Polish identifiers for demo data: the check digit is computed, not guessed.</summary>
internal static class DemoIdentifiers
{
    public static string Nip(Randomizer random)
    {
        int[] weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
        while (true)
        {
            var digits = Enumerable.Range(0, 9).Select(i => i == 0 ? random.Int(1, 9) : random.Int(0, 9)).ToArray();
            var check = digits.Select((d, i) => d * weights[i]).Sum() % 11;
            if (check < 10)
            {
                return string.Concat(digits) + check;
            }
        }
    }

    public static string Regon(Randomizer random)
    {
        int[] weights = [8, 9, 2, 3, 4, 5, 6, 7];
        var digits = Enumerable.Range(0, 8).Select(_ => random.Int(0, 9)).ToArray();
        return string.Concat(digits) + digits.Select((d, i) => d * weights[i]).Sum() % 11 % 10;
    }

    public static string Pesel(Randomizer random, bool female)
    {
        int[] weights = [1, 3, 7, 9, 1, 3, 7, 9, 1, 3];
        var born = new DateOnly(1960, 1, 1).AddDays(random.Int(0, 40 * 365));
        var month = born.Year >= 2000 ? born.Month + 20 : born.Month;
        var serial = random.Int(0, 999);
        var sex = random.Int(0, 4) * 2 + (female ? 0 : 1);
        var body = $"{born.Year % 100:D2}{month:D2}{born.Day:D2}{serial:D3}{sex}";
        var sum = body.Select((c, i) => (c - '0') * weights[i]).Sum();
        return body + (10 - sum % 10) % 10;
    }
}

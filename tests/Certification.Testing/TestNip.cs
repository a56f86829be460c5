namespace Certification.Testing;

/// <summary>Valid NIPs for test clients: a NIP identifies one client, so tests sharing a database need their own.</summary>
public static class TestNip
{
    public static string For(Guid id)
    {
        int[] weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
        var random = new Random(id.GetHashCode());
        while (true)
        {
            var digits = Enumerable.Range(0, 9).Select(i => i == 0 ? random.Next(1, 10) : random.Next(10)).ToArray();
            var check = digits.Select((d, i) => d * weights[i]).Sum() % 11;
            if (check < 10)
            {
                return string.Concat(digits) + check;
            }
        }
    }
}

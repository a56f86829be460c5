using Certification.Crm;

namespace Certification.Grains.Tests;

/// <summary>Valid details to start from; tests change the one thing they are about.</summary>
internal static class Samples
{
    private static int _nipSerial = 100_000;

    public static ClientDetails Client(string name = "Gmina Kórnik", string? nip = null) =>
        new(name, ClientKind.Municipality, nip ?? UniqueNip(), "123456785",
            new Address("Plac Niepodległości 1", "62-035", "Kórnik"), ["Urząd Miejski", "OPS"]);

    public static PersonDetails Person(Guid? clientId, string lastName = "Żółkiewska") =>
        new("Łucja", lastName, "lucja@example.pl", "+48 61 817 00 00", "44051401359", clientId, "Urząd Miejski", "Inspektor");

    /// <summary>A valid NIP no other test uses, so tests sharing a database never clash on uniqueness.</summary>
    public static string UniqueNip()
    {
        int[] weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
        while (true)
        {
            var body = "526" + Interlocked.Increment(ref _nipSerial).ToString("D6");
            var check = body.Select((c, i) => (c - '0') * weights[i]).Sum() % 11;
            if (check < 10)
            {
                return body + check;
            }
        }
    }
}

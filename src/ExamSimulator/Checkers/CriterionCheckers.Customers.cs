using Certification.ExamSimulator.Filtering;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Scenarios;
using Certification.ExamSimulator.Text;
using static Certification.ExamSimulator.Checkers.CheckContext;

namespace Certification.ExamSimulator.Checkers;

public static partial class CriterionCheckers
{
    private static (Verdict, string, IEnumerable<Evidence>) CreatesAccounts(CheckContext c)
    {
        var evidence = new List<Evidence>();
        var found = 0;
        foreach (var spec in c.Exercise.NewAccounts)
        {
            var (account, entry) = NewAccount(c, spec);
            if (account is null)
            {
                evidence.Add(Saw($"Brak konta firmy „{spec.Data.Name}” (NIP {spec.Data.Nip})."));
                continue;
            }

            found++;
            evidence.Add(Saw($"Konto „{account.Data.Name}” (NIP {account.Data.Nip ?? "brak"}) utworzone {c.When(entry!)}.", entry));
        }

        evidence.AddRange(c.RefusedAttempts<CreateAccount>(_ => true, "utworzenia konta"));
        return (VerdictLabels.Grade(found, c.Exercise.NewAccounts.Count),
            $"Utworzone konta nowych klientów: {PlFormat.Count(found)} z {PlFormat.Count(c.Exercise.NewAccounts.Count)}.", evidence);
    }

    private static (Verdict, string, IEnumerable<Evidence>) EntersCustomerData(CheckContext c)
    {
        var evidence = new List<Evidence>();
        int right = 0, total = 0;
        foreach (var spec in c.Exercise.NewAccounts)
        {
            var (account, entry) = NewAccount(c, spec);
            var expected = AccountFields(spec.Data).Concat(ContactFields(spec.Contact)).ToList();
            total += expected.Count;
            if (account is null)
            {
                evidence.Add(Saw($"„{spec.Data.Name}”: brak konta, dane nie zostały wprowadzone."));
                continue;
            }

            var contact = c.Final.ContactsOf(account.Id)
                .FirstOrDefault(k => PlText.SameKey(k.Data.LastName, spec.Contact.LastName) && PlText.SameKey(k.Data.FirstName, spec.Contact.FirstName));
            var actual = AccountFields(account.Data).Concat(contact is null ? [] : ContactFields(contact.Data)).ToDictionary(f => f.Field, f => f.Value);
            var wrong = expected.Where(e => !actual.TryGetValue(e.Field, out var value) || !Same(e.Field, value, e.Value)).ToList();
            right += expected.Count - wrong.Count;
            evidence.Add(Saw(
                $"„{account.Data.Name}”: zgodne {PlFormat.Count(expected.Count - wrong.Count)} z {PlFormat.Count(expected.Count)} pól" +
                (contact is null ? $"; brak osoby kontaktowej {spec.Contact.FirstName} {spec.Contact.LastName}" : "") +
                (wrong.Count == 0 ? "." : "; do poprawy: " + string.Join(", ", wrong.Select(w =>
                    $"{w.Label} (jest „{(actual.TryGetValue(w.Field, out var v) && v.Length > 0 ? v : "puste")}”, powinno być „{w.Value}”)")) + "."),
                entry));
        }

        var verdict = right == total ? Verdict.Met : right * 2 >= total ? Verdict.PartlyMet : Verdict.NotMet;
        return (verdict, $"Poprawnie wprowadzone dane nowych klientów: {PlFormat.Count(right)} z {PlFormat.Count(total)} pól.", evidence);
    }

    private static (Verdict, string, IEnumerable<Evidence>) SegmentsCustomers(CheckContext c)
    {
        var spec = c.Exercise.Segment;
        var expected = ExpectedSegment(c.Final, spec);
        var names = expected.ToDictionary(id => id, c.Final.AccountName);
        var evidence = new List<Evidence>
        {
            Saw($"Oczekiwany segment: branża „{spec.Industry}”, województwo {spec.Voivodeship}, bez statusu „{Labels.Of(spec.ExcludedStatus)}” — " +
                $"{PlFormat.Count(expected.Count)} klientów."),
        };
        var best = Verdict.NotMet;
        foreach (var segment in c.Final.Segments)
        {
            var members = Filter.Apply(c.Final, ReportSource.Accounts, segment.Conditions).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
            var missing = expected.Where(id => !members.Contains(id)).ToList();
            var extra = members.Where(id => !expected.Contains(id)).ToList();
            var verdict = missing.Count == 0 && extra.Count == 0 && expected.Count > 0 ? Verdict.Met
                : members.Overlaps(expected) ? Verdict.PartlyMet : Verdict.NotMet;
            best = (Verdict)Math.Max((int)best, (int)verdict);
            evidence.Add(Saw(
                $"Segment „{segment.Name}” ({Filter.Describe(ReportSource.Accounts, segment.Conditions)}), zapisany {When(segment.SavedAt)}: " +
                $"{PlFormat.Count(members.Count)} klientów" +
                (verdict == Verdict.Met ? " — zgodny z celem." : "") +
                (missing.Count > 0 ? $"; brakuje: {string.Join(", ", missing.Select(id => names[id]))}" : "") +
                (extra.Count > 0 ? $"; nie pasują do celu: {string.Join(", ", extra.Select(c.Final.AccountName))}" : "") +
                (verdict == Verdict.Met ? "" : ".")));
        }

        if (c.Final.Segments.IsEmpty)
        {
            evidence.Add(Saw("Nie zapisano żadnego segmentu."));
        }

        return (best, best switch
        {
            Verdict.Met => "Segment obejmuje dokładnie klientów wskazanych celem sprzedaży.",
            Verdict.PartlyMet => "Segment obejmuje część właściwych klientów.",
            _ => "Brak segmentu odpowiadającego celowi sprzedaży.",
        }, evidence);
    }

    private static (Verdict, string, IEnumerable<Evidence>) UpdatesCustomerData(CheckContext c)
    {
        var evidence = new List<Evidence>();
        int complete = 0, anyRight = 0;
        var fixes = c.Exercise.AccountFixes.Count + c.Exercise.ContactFixes.Count;
        foreach (var fix in c.Exercise.AccountFixes)
        {
            var account = c.Final.FindAccount(fix.AccountId)!;
            var actual = AccountFields(account.Data).ToDictionary(f => f.Field, f => f.Value);
            var last = c.Accepted<UpdateAccount>().LastOrDefault(u => u.Command.AccountId == fix.AccountId).Entry;
            Judge($"Klient „{account.Data.Name}”", fix.Fields, actual, last);
        }

        foreach (var fix in c.Exercise.ContactFixes)
        {
            var contact = c.Final.FindContact(fix.ContactId)!;
            var actual = ContactFields(contact.Data).ToDictionary(f => f.Field, f => f.Value);
            var last = c.Accepted<UpdateContact>().LastOrDefault(u => u.Command.ContactId == fix.ContactId).Entry;
            Judge($"Osoba {contact.Data.FirstName} {contact.Data.LastName} ({c.Final.AccountName(contact.AccountId)})", fix.Fields, actual, last);
        }

        return (complete == fixes ? Verdict.Met : anyRight > 0 ? Verdict.PartlyMet : Verdict.NotMet,
            $"Zaktualizowane rekordy: {PlFormat.Count(complete)} z {PlFormat.Count(fixes)}.", evidence);

        void Judge(string who, IEnumerable<FieldExpectation> fields, Dictionary<string, string> actual, Actions.ActionLogEntry? last)
        {
            var list = fields.ToList();
            var right = list.Where(f => actual.TryGetValue(f.Field, out var v) && Same(f.Field, v, f.Value)).ToList();
            complete += right.Count == list.Count ? 1 : 0;
            anyRight += right.Count > 0 ? 1 : 0;
            var wrong = list.Except(right).ToList();
            evidence.Add(Saw(
                $"{who}: " + (right.Count == list.Count ? "zaktualizowano " : $"zgodne {PlFormat.Count(right.Count)} z {PlFormat.Count(list.Count)} pól; ") +
                string.Join(", ", right.Select(f => $"{f.Label.ToLowerInvariant()}: {f.Value}")) +
                (wrong.Count > 0 ? (right.Count > 0 ? "; " : "") + "do poprawy: " + string.Join(", ", wrong.Select(f =>
                    $"{f.Label.ToLowerInvariant()} (jest „{(actual.TryGetValue(f.Field, out var v) && v.Length > 0 ? v : "puste")}”, powinno być „{f.Value}”)")) : "") +
                (last is null ? "; brak zmian w CRM." : $"; ostatnia zmiana {c.When(last)}."),
                last));
        }
    }

    /// <summary>The account the candidate created for a new client of the sheet: by NIP, else by name.</summary>
    private static (Account? Account, Actions.ActionLogEntry? Entry) NewAccount(CheckContext c, NewAccountSpec spec)
    {
        var created = c.Accepted<CreateAccount>()
            .Select(a => (Account: c.Final.FindAccount(a.Entry.Outcome.CreatedId), a.Entry))
            .Where(a => a.Account is not null)
            .ToList();
        var match = created.FirstOrDefault(a => a.Account!.Data.Nip == spec.Data.Nip);
        if (match.Account is null)
        {
            match = created.FirstOrDefault(a => PlText.SameKey(a.Account!.Data.Name, spec.Data.Name));
        }

        return (match.Account, match.Entry);
    }

    private static IReadOnlyList<string> ExpectedSegment(SandboxState state, SegmentSpec spec) =>
        [.. state.Accounts
            .Where(a => PlText.SameKey(a.Data.Industry, spec.Industry) && a.Data.Voivodeship == spec.Voivodeship && a.Data.Status != spec.ExcludedStatus)
            .Select(a => a.Id)];

    private static IEnumerable<FieldExpectation> AccountFields(AccountData d) =>
    [
        new("name", "Nazwa", d.Name),
        new("nip", "NIP", d.Nip ?? ""),
        new("street", "Ulica i numer", d.Street ?? ""),
        new("postalCode", "Kod pocztowy", d.PostalCode ?? ""),
        new("city", "Miejscowość", d.City ?? ""),
        new("voivodeship", "Województwo", d.Voivodeship ?? ""),
        new("industry", "Branża", d.Industry ?? ""),
        new("phone", "Telefon", d.Phone ?? ""),
        new("email", "E-mail", d.Email ?? ""),
    ];

    private static IEnumerable<FieldExpectation> ContactFields(ContactData d) =>
    [
        new("contactName", "Osoba kontaktowa", $"{d.FirstName} {d.LastName}"),
        new("position", "Stanowisko", d.Position ?? ""),
        new("contactEmail", "E-mail osoby kontaktowej", d.Email ?? ""),
        new("contactPhone", "Telefon osoby kontaktowej", d.Phone ?? ""),
    ];

    /// <summary>Typed values compared as a person would: phones by digits, the rest ignoring case, spaces and diacritics.</summary>
    private static bool Same(string field, string actual, string expected) => field switch
    {
        "phone" or "contactPhone" => PlText.SamePhone(actual, expected),
        "nip" => PlText.Digits(actual) == PlText.Digits(expected) && expected.Length > 0,
        _ => PlText.SameKey(actual, expected),
    };
}

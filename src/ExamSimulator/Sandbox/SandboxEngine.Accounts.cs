using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Sandbox;

public static partial class SandboxEngine
{
    private static Step Handle(SandboxState state, CreateAccount command, Now now)
    {
        var (data, errors) = CheckAccount(state, command.Data, null);
        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var counters = state.Counters with { Accounts = state.Counters.Accounts + 1 };
        var id = SandboxState.Id("acc", counters.Accounts);
        var account = new Account(id, data, [], now.At, now.Actor);
        return Done(state with { Counters = counters, Accounts = state.Accounts.Add(account) }, $"Utworzono konto klienta {Quoted(data.Name)}.", id);
    }

    private static Step Handle(SandboxState state, UpdateAccount command, Now now)
    {
        var account = state.FindAccount(command.AccountId);
        if (account is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.AccountNotFound, "Klient", command.AccountId));
        }

        var (data, errors) = CheckAccount(state, command.Data, account.Id);
        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var before = account.Data;
        var changes = Changes(
            ("nazwa", before.Name, data.Name),
            ("rodzaj", Labels.Of(before.Kind), Labels.Of(data.Kind)),
            ("branża", before.Industry, data.Industry),
            ("NIP", before.Nip, data.Nip),
            ("ulica", before.Street, data.Street),
            ("kod pocztowy", before.PostalCode, data.PostalCode),
            ("miejscowość", before.City, data.City),
            ("województwo", before.Voivodeship, data.Voivodeship),
            ("telefon", before.Phone, data.Phone),
            ("e-mail", before.Email, data.Email),
            ("strona WWW", before.Website, data.Website),
            ("liczba pracowników", before.Employees is { } b ? PlFormat.Count(b) : null, data.Employees is { } a ? PlFormat.Count(a) : null),
            ("status", Labels.Of(before.Status), Labels.Of(data.Status)));
        var updated = account with { Data = data };
        return Done(
            state with { Accounts = state.Accounts.Replace(account, updated) },
            changes.Length == 0 ? $"Zapisano dane klienta {Quoted(data.Name)} bez zmian." : $"Zmieniono dane klienta {Quoted(data.Name)}: {changes}.");
    }

    private static Step Handle(SandboxState state, RecordAccountEvent command, Now now)
    {
        var account = state.FindAccount(command.AccountId);
        if (account is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.AccountNotFound, "Klient", command.AccountId));
        }

        var errors = new List<CommandError>();
        RequireText(errors, command.Text, "text", FieldLabels.EventText, TextLength);
        if (command.Kind is not (AccountEventKind.Note or AccountEventKind.Call or AccountEventKind.Meeting or AccountEventKind.Email))
        {
            errors.Add(Refusals.EventKind());
        }

        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var updated = account with { Events = account.Events.Add(new AccountEvent(now.At, command.Kind, command.Text.Trim(), now.Actor, null)) };
        return Done(state with { Accounts = state.Accounts.Replace(account, updated) },
            $"Zapisano w historii klienta {Quoted(account.Data.Name)}: {Labels.Of(command.Kind).ToLowerInvariant()}.");
    }

    private static Step Handle(SandboxState state, CreateContact command, Now now)
    {
        var account = state.FindAccount(command.AccountId);
        if (account is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.AccountNotFound, "Klient", command.AccountId));
        }

        var (data, errors) = CheckContact(command.Data);
        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var counters = state.Counters with { Contacts = state.Counters.Contacts + 1 };
        var id = SandboxState.Id("con", counters.Contacts);
        var contact = new Contact(id, account.Id, data, now.At, now.Actor);
        return Done(state with { Counters = counters, Contacts = state.Contacts.Add(contact) },
            $"Dodano osobę kontaktową {data.FirstName} {data.LastName} do klienta {Quoted(account.Data.Name)}.", id);
    }

    private static Step Handle(SandboxState state, UpdateContact command)
    {
        var contact = state.FindContact(command.ContactId);
        if (contact is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.ContactNotFound, "Osoba kontaktowa", command.ContactId));
        }

        var (data, errors) = CheckContact(command.Data);
        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var before = contact.Data;
        var changes = Changes(
            ("imię", before.FirstName, data.FirstName),
            ("nazwisko", before.LastName, data.LastName),
            ("stanowisko", before.Position, data.Position),
            ("e-mail", before.Email, data.Email),
            ("telefon", before.Phone, data.Phone));
        return Done(state with { Contacts = state.Contacts.Replace(contact, contact with { Data = data }) },
            changes.Length == 0
                ? $"Zapisano dane osoby {data.FirstName} {data.LastName} bez zmian."
                : $"Zmieniono dane osoby {data.FirstName} {data.LastName} ({state.AccountName(contact.AccountId)}): {changes}.");
    }

    private static (AccountData Data, List<CommandError> Errors) CheckAccount(SandboxState state, AccountData input, string? accountId)
    {
        var errors = new List<CommandError>();
        RequireText(errors, input.Name, "name", FieldLabels.Name, NameLength);
        OptionalText(errors, input.Industry, "industry", FieldLabels.Industry, ShortNameLength);
        OptionalText(errors, input.Street, "street", FieldLabels.Street, NameLength);
        OptionalText(errors, input.City, "city", FieldLabels.City, ShortNameLength);
        OptionalText(errors, input.Website, "website", FieldLabels.Website, NameLength);

        var nip = InputRules.Clean(input.Nip);
        if (nip is not null)
        {
            if (!InputRules.IsValidNip(nip))
            {
                errors.Add(Refusals.NipChecksum(nip));
            }
            else
            {
                nip = PlText.Digits(nip);
                var other = state.Accounts.Find(a => a.Id != accountId && a.Data.Nip == nip);
                if (other is not null)
                {
                    errors.Add(Refusals.NipTaken(nip, other.Data.Name));
                }
            }
        }

        var name = InputRules.Clean(input.Name);
        if (name is not null && state.Accounts.Exists(a => a.Id != accountId && PlText.SameKey(a.Data.Name, name)))
        {
            errors.Add(Refusals.NameTaken(RefusalCodes.AccountNameTaken, "Konto klienta", name));
        }

        var postalCode = InputRules.Clean(input.PostalCode);
        if (postalCode is not null && !InputRules.IsValidPostalCode(postalCode))
        {
            errors.Add(Refusals.PostalCode(postalCode));
        }

        var voivodeship = InputRules.Clean(input.Voivodeship);
        if (voivodeship is not null)
        {
            var canonical = InputRules.Voivodeship(voivodeship);
            if (canonical is null)
            {
                errors.Add(Refusals.Voivodeship(voivodeship));
            }

            voivodeship = canonical;
        }

        var phone = InputRules.Clean(input.Phone);
        if (phone is not null && !InputRules.IsValidPhone(phone))
        {
            errors.Add(Refusals.Phone("phone", phone));
        }

        var email = InputRules.Clean(input.Email);
        if (email is not null && !InputRules.IsValidEmail(email))
        {
            errors.Add(Refusals.Email("email", email));
        }

        if (input.Employees < 0)
        {
            errors.Add(Refusals.Employees());
        }

        var data = new AccountData(
            name ?? "", input.Kind, InputRules.Clean(input.Industry), nip, InputRules.Clean(input.Street), postalCode,
            InputRules.Clean(input.City), voivodeship, phone, email, InputRules.Clean(input.Website), input.Employees, input.Status);
        return (data, errors);
    }

    private static (ContactData Data, List<CommandError> Errors) CheckContact(ContactData input)
    {
        var errors = new List<CommandError>();
        RequireText(errors, input.FirstName, "firstName", FieldLabels.FirstName, ShortNameLength);
        RequireText(errors, input.LastName, "lastName", FieldLabels.LastName, ShortNameLength);
        OptionalText(errors, input.Position, "position", FieldLabels.Position, ShortNameLength);
        var email = InputRules.Clean(input.Email);
        if (email is not null && !InputRules.IsValidEmail(email))
        {
            errors.Add(Refusals.Email("email", email));
        }

        var phone = InputRules.Clean(input.Phone);
        if (phone is not null && !InputRules.IsValidPhone(phone))
        {
            errors.Add(Refusals.Phone("phone", phone));
        }

        return (new ContactData(input.FirstName?.Trim() ?? "", input.LastName?.Trim() ?? "", InputRules.Clean(input.Position), email, phone), errors);
    }
}

using System.Globalization;
using Certification.ExamSimulator.Offers;
using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Sandbox;

public static partial class SandboxEngine
{
    private static Step Handle(SandboxState state, SaveOfferTemplate command, Now now)
    {
        var existing = command.TemplateId is null ? null : state.FindTemplate(command.TemplateId);
        if (command.TemplateId is not null && existing is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.TemplateNotFound, "Szablon oferty", command.TemplateId));
        }

        var errors = new List<CommandError>();
        RequireText(errors, command.Name, "name", FieldLabels.TemplateName, ShortNameLength);
        if (!string.IsNullOrWhiteSpace(command.Name) && state.Templates.Exists(t => t.Id != existing?.Id && PlText.SameKey(t.Name, command.Name)))
        {
            errors.Add(Refusals.NameTaken(RefusalCodes.TemplateNameTaken, "Szablon oferty", command.Name.Trim()));
        }

        if (string.IsNullOrWhiteSpace(command.Body))
        {
            errors.Add(Refusals.Required("body", FieldLabels.TemplateBody));
        }
        else
        {
            errors.AddRange(OfferTemplates.Validate(command.Body));
        }

        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var counters = existing is null ? state.Counters with { Templates = state.Counters.Templates + 1 } : state.Counters;
        var template = new OfferTemplate(existing?.Id ?? SandboxState.Id("tpl", counters.Templates), command.Name.Trim(), command.Body, now.At, now.Actor);
        var templates = existing is null ? state.Templates.Add(template) : state.Templates.Replace(existing, template);
        var tags = OfferTemplates.UsedTags(template.Body);
        return Done(state with { Counters = counters, Templates = templates },
            $"Zapisano szablon oferty {Quoted(template.Name)}" + (tags.Count == 0 ? " (bez tagów)." : $" z tagami: {string.Join(", ", tags)}."),
            template.Id);
    }

    private static Step Handle(SandboxState state, DeleteOfferTemplate command)
    {
        var template = state.FindTemplate(command.TemplateId);
        return template is null
            ? Refuse(state, Refusals.NotFound(RefusalCodes.TemplateNotFound, "Szablon oferty", command.TemplateId))
            : Done(state with { Templates = state.Templates.Remove(template) }, $"Usunięto szablon oferty {Quoted(template.Name)}.");
    }

    private static Step Handle(SandboxState state, GenerateOffer command, Now now)
    {
        var errors = new List<CommandError>();
        var template = state.FindTemplate(command.TemplateId);
        if (template is null)
        {
            errors.Add(Refusals.NotFound(RefusalCodes.TemplateNotFound, "Szablon oferty", command.TemplateId));
        }

        var account = state.FindAccount(command.AccountId);
        if (account is null)
        {
            errors.Add(Refusals.NotFound(RefusalCodes.AccountNotFound, "Klient", command.AccountId));
        }

        var contact = state.FindContact(command.ContactId);
        if (contact is null)
        {
            errors.Add(Refusals.NotFound(RefusalCodes.ContactNotFound, "Osoba kontaktowa", command.ContactId));
        }
        else if (account is not null && contact.AccountId != account.Id)
        {
            errors.Add(Refusals.ContactOfOtherAccount($"{contact.Data.FirstName} {contact.Data.LastName}", account.Data.Name));
        }

        var opportunity = state.FindOpportunity(InputRules.Clean(command.OpportunityId));
        if (command.OpportunityId is not null && opportunity is null)
        {
            errors.Add(Refusals.NotFound(RefusalCodes.OpportunityNotFound, "Szansa sprzedaży", command.OpportunityId));
        }
        else if (opportunity is not null && account is not null && opportunity.Details.AccountId != account.Id)
        {
            errors.Add(Refusals.OpportunityOfOtherAccount(opportunity.Details.Name, account.Data.Name));
        }

        if (command.Lines.Count == 0)
        {
            errors.Add(Refusals.LinesRequired());
        }

        var lines = new List<OfferLine>();
        foreach (var request in command.Lines)
        {
            var product = state.FindProduct(request.ProductId);
            if (product is null)
            {
                errors.Add(Refusals.NotFound(RefusalCodes.ProductNotFound, "Produkt", request.ProductId));
                continue;
            }

            if (request.Quantity <= 0 || request.Quantity > 10_000)
            {
                errors.Add(Refusals.Quantity(product.Name));
            }

            if (request.DiscountPercent is < 0 or > 100)
            {
                errors.Add(Refusals.Discount(product.Name));
            }

            var net = Math.Round(request.Quantity * product.NetPrice * (100 - request.DiscountPercent) / 100, 2, MidpointRounding.AwayFromZero);
            var vat = Math.Round(net * product.VatRate / 100, 2, MidpointRounding.AwayFromZero);
            lines.Add(new OfferLine(product.Id, product.Code, product.Name, product.Unit, request.Quantity, product.NetPrice, request.DiscountPercent, net, product.VatRate, vat, net + vat));
        }

        if (command.ValidDays is < 1 or > 90)
        {
            errors.Add(Refusals.ValidDays());
        }

        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var counters = state.Counters with { Offers = state.Counters.Offers + 1 };
        var number = string.Create(CultureInfo.InvariantCulture, $"OF/{now.Today.Year}/{now.Today.Month:00}/{counters.Offers:000}");
        var recipient = new OfferRecipient(
            account!.Id, account.Data.Name, account.Data.Nip, account.Data.Street, account.Data.PostalCode, account.Data.City, account.Data.Industry,
            contact!.Id, contact.Data.FirstName, contact.Data.LastName, contact.Data.Position, contact.Data.Email, contact.Data.Phone);
        var offer = new Offer(
            SandboxState.Id("off", counters.Offers), number, template!.Id, template.Name, opportunity?.Id, state.Seller, recipient,
            now.Today, now.Today.AddDays(command.ValidDays), "", [.. lines], lines.Sum(l => l.Net), lines.Sum(l => l.Vat), lines.Sum(l => l.Gross),
            now.At, now.Actor, null, null);
        var model = OfferTemplates.Model(offer, opportunity, opportunity is null ? null : state.StageName(opportunity.StageId), command.ValidDays);
        var (body, renderError) = OfferTemplates.Render(template.Body, model, new DateTimeOffset(now.At, TimeSpan.Zero));
        if (renderError is not null)
        {
            return Refuse(state, Refusals.TemplateRender(renderError));
        }

        offer = offer with { Body = body };
        return Done(state with { Counters = counters, Offers = state.Offers.Add(offer) },
            $"Wygenerowano ofertę {number} z szablonu {Quoted(template.Name)} dla {Quoted(account.Data.Name)} ({contact.Data.FirstName} {contact.Data.LastName}) na {PlFormat.Money(offer.TotalGross)} brutto.",
            offer.Id);
    }

    private static Step Handle(SandboxState state, SendOffer command, Now now)
    {
        var offer = state.FindOffer(command.OfferId);
        if (offer is null)
        {
            return Refuse(state, Refusals.NotFound(RefusalCodes.OfferNotFound, "Oferta", command.OfferId));
        }

        if (offer.SentAt is { } sentAt)
        {
            return Refuse(state, Refusals.OfferSent(offer.Number, sentAt));
        }

        var contact = state.FindContact(offer.Recipient.ContactId);
        var email = contact?.Data.Email ?? offer.Recipient.Email;
        var name = $"{offer.Recipient.FirstName} {offer.Recipient.LastName}";
        var errors = new List<CommandError>();
        if (email is null)
        {
            errors.Add(Refusals.ContactWithoutEmail(name));
        }

        OptionalText(errors, command.Message, "message", FieldLabels.OfferMessage, TextLength);
        var account = state.FindAccount(offer.Recipient.AccountId);
        if (account is null)
        {
            errors.Add(Refusals.NotFound(RefusalCodes.AccountNotFound, "Klient", offer.Recipient.AccountId));
        }

        if (errors.Count > 0)
        {
            return Refuse(state, errors);
        }

        var text = $"Wysłano ofertę {offer.Number} ({PlFormat.Money(offer.TotalGross)} brutto) do: {name} <{email}>" +
            (InputRules.Clean(command.Message) is { } message ? $". Wiadomość: {message}" : "") + ".";
        var withEvent = account! with { Events = account.Events.Add(new AccountEvent(now.At, AccountEventKind.OfferSent, text, now.Actor, offer.Id)) };
        return Done(state with
        {
            Offers = state.Offers.Replace(offer, offer with { SentAt = now.At, SentTo = email }),
            Accounts = state.Accounts.Replace(account, withEvent),
        }, text + $" Zapisano w historii zdarzeń klienta {Quoted(account.Data.Name)}.");
    }
}

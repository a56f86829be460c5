using Certification.ExamSimulator.Offers;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Text;
using static Certification.ExamSimulator.Checkers.CheckContext;

namespace Certification.ExamSimulator.Checkers;

public static partial class CriterionCheckers
{
    private const int SubstantialTemplateLength = 100;

    /// <summary>The template the sheet asks for: by name, else the one meeting most required tags.</summary>
    private static OfferTemplate? Template(CheckContext c) =>
        c.Final.Templates.FirstOrDefault(t => PlText.SameKey(t.Name, c.Exercise.Offer.TemplateName))
        ?? c.Final.Templates.OrderByDescending(t => RequiredTagsMet(c, t).Count).FirstOrDefault();

    private static List<string> RequiredTagsMet(CheckContext c, OfferTemplate template)
    {
        var used = OfferTemplates.UsedTags(template.Body);
        return [.. c.Exercise.Offer.RequiredTags.Where(group => group.Split('|').Any(used.Contains))];
    }

    private static (Verdict, string, IEnumerable<Evidence>) PreparesTemplate(CheckContext c)
    {
        var template = Template(c);
        if (template is null)
        {
            return (Verdict.NotMet, "Brak szablonu oferty.", [Saw("Nie zapisano żadnego szablonu oferty.")]);
        }

        var length = template.Body.Trim().Length;
        var used = c.Final.Offers.Count(o => o.TemplateId == template.Id);
        return (length >= SubstantialTemplateLength ? Verdict.Met : Verdict.PartlyMet,
            length >= SubstantialTemplateLength ? "Szablon oferty przygotowany." : "Szablon oferty jest szczątkowy.",
            [Saw($"Szablon „{template.Name}” zapisany {When(template.SavedAt)}: {PlFormat.Count(length)} znaków, " +
                $"{PlFormat.Count(OfferTemplates.UsedTags(template.Body).Count)} tagów; wygenerowane z niego oferty: {PlFormat.Count(used)}.", c.CreatedBy(template.Id))]);
    }

    private static (Verdict, string, IEnumerable<Evidence>) UsesTags(CheckContext c)
    {
        var template = Template(c);
        if (template is null)
        {
            return (Verdict.NotMet, "Brak szablonu oferty.", [Saw("Nie zapisano żadnego szablonu oferty.")]);
        }

        var used = OfferTemplates.UsedTags(template.Body);
        var met = RequiredTagsMet(c, template);
        var missing = c.Exercise.Offer.RequiredTags.Except(met).ToList();
        var evidence = new List<Evidence>
        {
            Saw($"Szablon „{template.Name}”: użyte tagi: " + (used.Count == 0 ? "brak" : string.Join(", ", used)) +
                (missing.Count == 0 ? "." : "; brakuje danych: " + string.Join(", ", missing.Select(m => TagDescription(m.Split('|')[0])))  + ".")),
        };
        return (missing.Count == 0 ? Verdict.Met : used.Count > 0 ? Verdict.PartlyMet : Verdict.NotMet,
            $"Wymagane dane zmienne w postaci tagów: {PlFormat.Count(met.Count)} z {PlFormat.Count(c.Exercise.Offer.RequiredTags.Count)}.", evidence);
    }

    private static string TagDescription(string path) => OfferTags.All.FirstOrDefault(t => t.Path == path)?.Description.ToLowerInvariant() + $" ({path})";

    /// <summary>The offer the sheet asks for: to the right account, best matching contact and lines.</summary>
    private static Offer? AskedOffer(CheckContext c) =>
        c.Final.Offers.Where(o => o.Recipient.AccountId == c.Exercise.Offer.AccountId).OrderByDescending(o => OfferMatches(c, o)).FirstOrDefault();

    private static int OfferMatches(CheckContext c, Offer offer)
    {
        var spec = c.Exercise.Offer;
        var lines = spec.Lines.Count(l => offer.Lines.Any(o => o.ProductId == l.ProductId && o.Quantity == l.Quantity)) == spec.Lines.Count && offer.Lines.Count == spec.Lines.Count;
        return (offer.Recipient.ContactId == spec.ContactId ? 1 : 0) + (lines ? 1 : 0) + (offer.SentAt is null ? 0 : 1);
    }

    private static (Verdict, string, IEnumerable<Evidence>) GeneratesOffer(CheckContext c)
    {
        var spec = c.Exercise.Offer;
        var evidence = c.Final.Offers.Select(o => Saw(
            $"Oferta {o.Number} wygenerowana {When(o.CreatedAt)} z szablonu „{o.TemplateName}” dla „{o.Recipient.AccountName}” " +
            $"({o.Recipient.FirstName} {o.Recipient.LastName}): {string.Join("; ", o.Lines.Select(l => $"{l.Name} × {PlFormat.Plain(l.Quantity)}"))}, " +
            $"razem {PlFormat.Money(o.TotalGross)} brutto.", c.CreatedBy(o.Id))).ToList();
        evidence.AddRange(c.RefusedAttempts<GenerateOffer>(_ => true, "wygenerowania oferty"));
        var offer = AskedOffer(c);
        if (offer is null)
        {
            evidence.Add(Saw($"Brak oferty dla „{c.Final.AccountName(spec.AccountId)}”."));
            return (c.Final.Offers.IsEmpty ? Verdict.NotMet : Verdict.PartlyMet,
                c.Final.Offers.IsEmpty ? "Nie wygenerowano oferty." : "Oferta wygenerowana dla innego odbiorcy niż wskazany.", evidence);
        }

        var right = offer.Recipient.ContactId == spec.ContactId
            && spec.Lines.All(l => offer.Lines.Any(o => o.ProductId == l.ProductId && o.Quantity == l.Quantity)) && offer.Lines.Count == spec.Lines.Count;
        return (right ? Verdict.Met : Verdict.PartlyMet,
            right ? $"Oferta {offer.Number} wygenerowana dla wskazanego odbiorcy z właściwymi pozycjami." : $"Oferta {offer.Number} dla wskazanego klienta, ale z inną osobą lub pozycjami niż w arkuszu.",
            evidence);
    }

    private static (Verdict, string, IEnumerable<Evidence>) SendsOffer(CheckContext c)
    {
        var evidence = new List<Evidence>();
        foreach (var offer in c.Final.Offers.Where(o => o.SentAt is not null))
        {
            var logged = c.Final.FindAccount(offer.Recipient.AccountId)?.Events.FirstOrDefault(e => e.Kind == AccountEventKind.OfferSent && e.OfferId == offer.Id);
            evidence.Add(Saw(
                $"Oferta {offer.Number} wysłana {When(offer.SentAt!.Value)} do {offer.SentTo}" +
                (logged is null ? "; brak wpisu w historii klienta." : $"; w historii zdarzeń klienta „{offer.Recipient.AccountName}”: „{logged.Text}”"),
                c.Accepted<SendOffer>().FirstOrDefault(s => s.Command.OfferId == offer.Id).Entry));
        }

        evidence.AddRange(c.RefusedAttempts<SendOffer>(_ => true, "wysłania oferty"));
        var asked = AskedOffer(c);
        var sentAsked = asked?.SentAt is not null
            && c.Final.FindAccount(asked.Recipient.AccountId)!.Events.Any(e => e.Kind == AccountEventKind.OfferSent && e.OfferId == asked.Id);
        var anySent = c.Final.Offers.Any(o => o.SentAt is not null);
        if (!anySent)
        {
            evidence.Add(Saw(c.Final.Offers.IsEmpty ? "Nie ma wygenerowanej oferty do wysłania." : "Wygenerowanej oferty nie wysłano."));
        }

        return (sentAsked ? Verdict.Met : anySent ? Verdict.PartlyMet : Verdict.NotMet,
            sentAsked ? $"Oferta {asked!.Number} wysłana i zapisana w historii zdarzeń klienta." : anySent ? "Wysłano ofertę innemu odbiorcy niż wskazany." : "Oferta nie została wysłana.",
            evidence);
    }
}

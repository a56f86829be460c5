using System.Security.Claims;
using Certification.Common;
using Certification.Consents;
using Certification.Crm;
using Certification.CustomFields;
using Certification.Domain;
using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Crm.People;

/// <summary>What the office confirms on the merge page: which record stays, and per differing field whose value it keeps.</summary>
public sealed class MergeForm
{
    /// <summary>Chosen when the comparison is shown, so posting it twice is one merge.</summary>
    public Guid MergeId { get; set; }

    public Guid Survivor { get; set; }

    public int PersonVersion { get; set; }

    public int OtherVersion { get; set; }

    /// <summary>By field (<see cref="MergeFields"/>): the id of the record whose value is kept.</summary>
    public Dictionary<string, Guid> Picks { get; set; } = [];

    /// <summary>By custom field id: the id of the record whose value is kept.</summary>
    public Dictionary<Guid, Guid> Custom { get; set; } = [];
}

/// <summary>One line of the comparison: the two values, and whether the office must choose between them.</summary>
public sealed record MergeRow(string Field, string Label, string? Ours, string? Theirs)
{
    public bool Differs => !string.Equals(Ours, Theirs, StringComparison.Ordinal);
}

/// <summary>
/// "Scal z…": the office finds the other record of the same person, compares the two side by side, chooses
/// which stays and whose value each differing field keeps, and confirms; the survivor's grain does the merge.
/// Only training administrators merge, whoever else may read the CRM.
/// </summary>
[Authorize(Policy = Policies.TrainingAdmin)]
public sealed class MergeModel(
    IGrainFactory grains,
    CrmQueries queries,
    DuplicateFinder duplicates,
    CustomFieldQueries customFields,
    PersonMergeDirectory directory,
    ErrorText errors,
    IStringLocalizer<SharedResource> text)
    : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public Guid? Other { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty]
    public MergeForm Form { get; set; } = new();

    public PersonSnapshot Person { get; private set; } = null!;

    public PersonSnapshot? OtherPerson { get; private set; }

    public IReadOnlyList<PersonListItem> Found { get; private set; } = [];

    public IReadOnlyList<PossibleDuplicate> Suggestions { get; private set; } = [];

    /// <summary>Why the chosen records cannot be merged, or why the last attempt was refused, in the user's language.</summary>
    public List<string> Problems { get; } = [];

    public IReadOnlyList<MergeRow> Rows { get; private set; } = [];

    public IReadOnlyList<MergeRow> CustomRows { get; private set; } = [];

    /// <summary>Facts shown side by side that move with the merge rather than being chosen (history, orders, consents, exams).</summary>
    public IReadOnlyList<MergeRow> Facts { get; private set; } = [];

    /// <summary>The record that must stay because it has exam records; null when either may.</summary>
    public Guid? MustSurvive { get; private set; }

    /// <summary>Both records have exam records: neither may disappear, so they cannot be merged.</summary>
    public bool Impossible { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        if (await LoadAsync() is { } away)
        {
            return away;
        }

        if (OtherPerson is not null)
        {
            Form = Defaults();
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (await LoadAsync() is { } away)
        {
            return away;
        }

        if (OtherPerson is null || Impossible)
        {
            return Page();
        }

        var other = OtherPerson.Id;
        if (Form.Survivor != Id && Form.Survivor != other)
        {
            Problems.Add(text["Wybierz, która kartoteka zostaje."]);
            return Page();
        }

        var absorbed = Form.Survivor == Id ? other : Id;
        var request = new PersonMergeRequest(
            Form.MergeId == Guid.Empty ? Guid.NewGuid() : Form.MergeId,
            absorbed,
            absorbed == Id ? Form.PersonVersion : Form.OtherVersion,
            [.. Form.Picks.Where(p => p.Value == absorbed).Select(p => p.Key)],
            [.. Form.Custom.Where(p => p.Value == absorbed).Select(p => p.Key)]);
        var result = await grains.GetGrain<IPersonGrain>(Form.Survivor)
            .MergeAsync(Form.Survivor == Id ? Form.PersonVersion : Form.OtherVersion, request, Actor);
        if (result.Succeeded)
        {
            return Redirect($"/Crm/People/Details/{Form.Survivor}");
        }

        // The comparison now shows both records as they are; confirming again merges them as shown.
        Problems.AddRange(result.Errors.Select(e => errors.For(e.Code)).Distinct());
        ModelState.Remove($"{nameof(Form)}.{nameof(MergeForm.PersonVersion)}");
        ModelState.Remove($"{nameof(Form)}.{nameof(MergeForm.OtherVersion)}");
        Form.PersonVersion = Person.Version;
        Form.OtherVersion = OtherPerson.Version;
        return Page();
    }

    /// <summary>The same merge again: it finishes from where it stopped (it also finishes by itself within a minute).</summary>
    public async Task<IActionResult> OnPostResumeAsync()
    {
        if (await grains.GetGrain<IPersonGrain>(Id).GetAsync() is { PendingMerge: { } pending } person)
        {
            var result = await grains.GetGrain<IPersonGrain>(Id).MergeAsync(person.Version, pending.Request, Actor);
            if (!result.Succeeded)
            {
                if (await LoadAsync() is { } away)
                {
                    return away;
                }

                Problems.AddRange(result.Errors.Select(e => errors.For(e.Code)).Distinct());
                return Page();
            }
        }

        return Redirect($"/Crm/People/Details/{Id}");
    }

    public string ClientName(Guid? id) => id is { } client && Names.TryGetValue(client, out var name) ? name : "—";

    private IReadOnlyDictionary<Guid, string> Names { get; set; } = new Dictionary<Guid, string>();

    private string Actor => User.FindFirstValue(ClaimTypes.NameIdentifier)!;

    /// <summary>Loads both records and what is needed to compare them; a result when the page must not be shown.</summary>
    private async Task<IActionResult?> LoadAsync()
    {
        var grain = grains.GetGrain<IPersonGrain>(Id);
        if (await grain.GetAsync() is not { } person)
        {
            return await grain.GetTombstoneAsync() is { } tombstone ? Redirect($"/Crm/People/Details/{tombstone.SurvivorId}") : NotFound();
        }

        Person = person;
        var scope = CrmScope.For(User);
        Found = Search is null ? [] : [.. (await queries.PeopleAsync(scope, Search, null, 1, 10)).Items.Where(p => p.Id != Id)];
        Suggestions = [.. (await duplicates.PeopleLikeAsync(person.Details, scope)).People.Where(d => d.Id != Id)];
        if (Other is not { } otherId)
        {
            return null;
        }

        if (otherId == Id)
        {
            Problems.Add(errors.For(PersonMergeRules.SamePerson));
            return null;
        }

        var otherGrain = grains.GetGrain<IPersonGrain>(otherId);
        OtherPerson = await otherGrain.GetAsync();
        if (OtherPerson is null)
        {
            Problems.Add(errors.For(await otherGrain.GetTombstoneAsync() is null ? ErrorCodes.NotFound : PersonMergeRules.AlreadyMerged));
            return null;
        }

        await CompareAsync(person, OtherPerson);
        return null;
    }

    private async Task CompareAsync(PersonSnapshot ours, PersonSnapshot theirs)
    {
        Names = await queries.ClientNamesAsync(new[] { ours.Details.ClientId, theirs.Details.ClientId }.OfType<Guid>());
        Rows =
        [
            new(MergeFields.FirstName, text["Imię"], ours.Details.FirstName, theirs.Details.FirstName),
            new(MergeFields.LastName, text["Nazwisko"], ours.Details.LastName, theirs.Details.LastName),
            new(MergeFields.Email, text["E-mail"], ours.Details.Email, theirs.Details.Email),
            new(MergeFields.Phone, text["Telefon"], ours.Details.Phone, theirs.Details.Phone),
            new(MergeFields.Pesel, "PESEL", ours.Details.Pesel, theirs.Details.Pesel),
            new(MergeFields.Job, text["Obecne zatrudnienie"], Job(ours), Job(theirs)),
        ];

        var (ourExams, theirExams) = (await directory.HasExamRecordsAsync(ours.Id), await directory.HasExamRecordsAsync(theirs.Id));
        Impossible = ourExams && theirExams;
        MustSurvive = ourExams == theirExams ? null : ourExams ? ours.Id : theirs.Id;
        if (Impossible)
        {
            Problems.Add(text["Obie kartoteki mają zapisy egzaminacyjne, a te muszą zostać przy osobie, która zdawała — tych kartotek nie można scalić."]);
        }

        Facts =
        [
            new("BirthDate", text["Data urodzenia (z numeru PESEL)"], BirthDate(ours), BirthDate(theirs)),
            new("Created", text["Kartoteka założona"], ours.CreatedAt.InPoland().ToString("d"), theirs.CreatedAt.InPoland().ToString("d")),
            new("Employment", text["Okresy zatrudnienia"], ours.AllEmployments().Count.ToString(), theirs.AllEmployments().Count.ToString()),
            new("Orders", text["Szkolenia (zlecenia)"], (await directory.OrdersOfAsync(ours.Id)).Count.ToString(), (await directory.OrdersOfAsync(theirs.Id)).Count.ToString()),
            new("Consent", text["Zgoda na informacje o szkoleniach"], await ConsentAsync(ours.Id), await ConsentAsync(theirs.Id)),
            new("Exams", text["Zapisy egzaminacyjne"], ourExams ? text["tak"] : text["nie"], theirExams ? text["tak"] : text["nie"]),
        ];

        var fields = await customFields.FieldsOfAsync(CustomFieldEntity.Person);
        var values = await customFields.ValuesAsync(CrmScope.For(User), [ours.Id, theirs.Id]);
        string? Value(Guid person, CustomFieldDefinition field) =>
            values.GetValueOrDefault(person)?.GetValueOrDefault(field.Id) is { } value ? CustomValueText.Show(text, field, value) : null;
        CustomRows = [.. fields.Select(f => new MergeRow(f.Id.ToString(), f.Name, Value(ours.Id, f), Value(theirs.Id, f)))];
    }

    /// <summary>The survivor is the record with exam records, or this one; each differing value is the survivor's unless it has none.</summary>
    private MergeForm Defaults()
    {
        var survivor = MustSurvive ?? Id;
        var other = OtherPerson!.Id;
        Guid Pick(MergeRow row) => (survivor == Id ? row.Ours : row.Theirs) is null ? (survivor == Id ? other : Id) : survivor;
        return new MergeForm
        {
            MergeId = Guid.NewGuid(),
            Survivor = survivor,
            PersonVersion = Person.Version,
            OtherVersion = OtherPerson.Version,
            Picks = Rows.Where(r => r.Differs).ToDictionary(r => r.Field, Pick),
            Custom = CustomRows.Where(r => r.Differs && r.Ours is not null && r.Theirs is not null).ToDictionary(r => Guid.Parse(r.Field), Pick),
        };
    }

    private string? Job(PersonSnapshot person) =>
        person.Details.ClientId is { } client
            ? string.Join(" · ", new[] { ClientName(client), person.Details.Unit, person.Details.Position }.Where(p => !string.IsNullOrEmpty(p)))
            : null;

    private static string? BirthDate(PersonSnapshot person) =>
        person.Details.Pesel is { } pesel && Pesel.BirthDate(pesel) is { } born ? born.ToString("d") : null;

    private async Task<string> ConsentAsync(Guid person)
    {
        var consents = await grains.GetGrain<IPersonConsentsGrain>(person).GetAsync();
        return consents.MayReceiveMarketing() ? text["zgoda udzielona"] : consents.Unsubscribed ? text["wypisany z informacji"] : text["brak zgody"];
    }
}

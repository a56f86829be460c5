using Certification.Crm;
using Certification.Portal.Crm;
using Certification.Portal.Localization;

namespace Certification.Portal.Pages.Crm.People;

public sealed class HistoryModel(IGrainFactory grains, ContactHistoryQueries queries, ContactNotes notes, ErrorText errors, TimeProvider clock)
    : ContactHistoryPageModel(notes, errors, clock)
{
    private PersonSnapshot? _person;

    public override string OwnerPage => $"/Crm/People/Details/{Id}";

    public override bool ShowsPeople => false;

    protected override async Task<bool> LoadOwnerAsync()
    {
        _person = await grains.GetGrain<IPersonGrain>(Id).GetAsync();
        if (_person is null || !Scope.CanRead(_person.Details.ClientId))
        {
            return false;
        }

        Name = $"{_person.Details.FirstName} {_person.Details.LastName}";
        return true;
    }

    // A note about someone at work belongs to their employer's history too.
    protected override (Guid? Person, Guid? Client) NoteTarget() => (Id, _person!.Details.ClientId);

    protected override Task<Page<ContactHistoryItem>> HistoryAsync() => queries.ForPersonAsync(Scope, Id, Category, From, Until, PageNumber);
}

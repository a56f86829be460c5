using Certification.Crm;
using Certification.Portal.Crm;
using Certification.Portal.Localization;

namespace Certification.Portal.Pages.Crm.Clients;

public sealed class HistoryModel(IGrainFactory grains, ContactHistoryQueries queries, ContactNotes notes, ErrorText errors, TimeProvider clock)
    : ContactHistoryPageModel(notes, errors, clock)
{
    public override string OwnerPage => $"/Crm/Clients/Details/{Id}";

    public override bool ShowsPeople => true;

    protected override async Task<bool> LoadOwnerAsync()
    {
        if (!Scope.CanRead(Id) || await grains.GetGrain<IClientGrain>(Id).GetAsync() is not { } client)
        {
            return false;
        }

        Name = client.Details.Name;
        return true;
    }

    protected override (Guid? Person, Guid? Client) NoteTarget() => (null, Id);

    protected override Task<Page<ContactHistoryItem>> HistoryAsync() => queries.ForClientAsync(Scope, Id, Category, From, Until, PageNumber);
}

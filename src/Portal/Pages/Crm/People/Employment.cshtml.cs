using Certification.Portal.Crm;
using Certification.Portal.Localization;

namespace Certification.Portal.Pages.Crm.People;

public sealed class EmploymentModel(IGrainFactory grains, CrmQueries queries, ErrorText errors, TimeProvider clock)
    : EmploymentPageModel(grains, queries, errors, clock)
{
    protected override Guid? PartnerClient => null;
}

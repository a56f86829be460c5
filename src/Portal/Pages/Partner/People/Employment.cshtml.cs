using Certification.Portal.Accounts;
using Certification.Portal.Crm;
using Certification.Portal.Localization;

namespace Certification.Portal.Pages.Partner.People;

/// <summary>A partner administrator records a job change within their organisation or that someone left it.</summary>
public sealed class EmploymentModel(IGrainFactory grains, CrmQueries queries, ErrorText errors, TimeProvider clock)
    : EmploymentPageModel(grains, queries, errors, clock)
{
    protected override Guid? PartnerClient => CrmScope.For(User).ClientId!.Value;
}

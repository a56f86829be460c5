using Certification.Assessment;
using Certification.Portal.Assessment;
using Certification.Portal.Localization;
using Microsoft.Extensions.Localization;

namespace Certification.Portal.Pages.Assessor;

public sealed class InterviewModel(IGrainFactory grains, Validations validations, ErrorText errors, IStringLocalizer<SharedResource> text)
    : GradingPageModel(grains, validations, errors, text)
{
    public override AssessmentPart Part => AssessmentPart.Interview;
}

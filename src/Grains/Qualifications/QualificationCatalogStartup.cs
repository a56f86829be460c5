using Certification.Items;
using Microsoft.Extensions.Logging;

namespace Certification.Qualifications;

/// <summary>
/// On every silo start, publishes the qualification definitions shipped with the platform and gives
/// an empty item bank its initial questions. Both steps are idempotent, so silos may race.
/// </summary>
public sealed class QualificationCatalogStartup(IGrainFactory grains, ILogger<QualificationCatalogStartup> logger) : IStartupTask
{
    public async Task Execute(CancellationToken cancellationToken)
    {
        foreach (var qualification in QualificationDefinitions.Embedded())
        {
            var version = await grains.GetGrain<IQualificationGrain>(qualification.Code).PublishAsync(qualification);
            logger.LogInformation("Qualification {Code} published (definition version {Version})", qualification.Code, version);

            var bank = grains.GetGrain<IItemBankGrain>(qualification.Code);
            if (QualificationDefinitions.EmbeddedItems(qualification.Code) is not { } file || (await bank.AllAsync()).Count > 0)
            {
                continue;
            }

            var result = await bank.ImportAsync([.. file.Items.Select(i => new ImportedItem(i.Id, i.ToContent()))], "system");
            if (!result.Succeeded)
            {
                throw new InvalidDataException(
                    $"The item bank shipped for {qualification.Code} is not valid: " +
                    string.Join("; ", result.Problems.Select(p => $"{p.ItemId} {p.Field}: {p.Code}")));
            }

            logger.LogInformation("Item bank {Code} loaded with {Count} questions", qualification.Code, result.Created);
        }
    }
}

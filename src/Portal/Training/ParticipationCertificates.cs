using Certification.Common;
using Certification.Documents;
using Certification.Training;
using Dapper;
using Npgsql;

namespace Certification.Portal.Training;

/// <summary>A participation certificate as its public page shows it and its PDF prints it.</summary>
public sealed record CertificateView(string Code, Guid OrderId, Guid PersonId, ParticipationCertificateData Data);

/// <summary>
/// Finds participation certificates by the secret code of their page and renders them. The data comes
/// from the order and the CRM as they are now, so a corrected name prints correctly; the number, the
/// dates and the issue date never change.
/// </summary>
public sealed class ParticipationCertificates(NpgsqlDataSource dataSource, IGrainFactory grains, TrainingQueries queries, IDocumentRenderer renderer, Institution institution)
{
    public async Task<CertificateView?> FindAsync(string code)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<(Guid OrderId, Guid PersonId, string Number, DateOnly IssuedOn)>(
            "SELECT order_id, person_id, number, issued_on FROM training_certificate WHERE code = @code", new { code });
        if (row.Number is null || await grains.GetGrain<ITrainingOrderGrain>(row.OrderId).GetAsync() is not { } order)
        {
            return null;
        }

        var details = order.Details;
        var location = (await grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).GetAsync()).Locations.FirstOrDefault(l => l.Id == details.LocationId);
        var people = await queries.PeopleAsync(details.TrainerId is { } trainer ? [row.PersonId, trainer] : [row.PersonId]);
        var participant = people.TryGetValue(row.PersonId, out var p) ? $"{p.FirstName} {p.LastName}" : string.Empty;
        var trainerName = details.TrainerId is { } t && people.TryGetValue(t, out var tp) ? $"{tp.FirstName} {tp.LastName}" : "—";
        var data = new ParticipationCertificateData(
            row.Number, participant, details.Title, details.Meetings[0].Date, details.Meetings[^1].Date, details.Hours(),
            location is null ? "—" : $"{location.Name}, {location.City}", trainerName, institution.Name, row.IssuedOn,
            Link(code).ToString());
        return new CertificateView(code, row.OrderId, row.PersonId, data);
    }

    public byte[] Render(CertificateView certificate, bool english) =>
        renderer.Render(ParticipationCertificate.Compose(certificate.Data, english ? ParticipationCertificateLabels.English : ParticipationCertificateLabels.Polish));

    public Uri Link(string code) => institution.Link($"Certificates/Training/{code}");
}

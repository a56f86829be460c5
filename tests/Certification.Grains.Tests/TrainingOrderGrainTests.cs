using Certification.Crm;
using Certification.Training;

namespace Certification.Grains.Tests;

[Collection(ClusterCollection.Name)]
public sealed class TrainingOrderGrainTests(ClusterFixture fixture)
{
    [Fact]
    public async Task An_order_starts_in_the_first_phase_and_its_row_and_enrolments_reach_the_read_models()
    {
        var (order, clientA, _) = await OrderAsync(capacity: 1);
        var grain = fixture.Grains.GetGrain<ITrainingOrderGrain>(order);
        Assert.Equal("draft", (await grain.GetAsync())!.Phase.Id);
        Assert.True((await grain.MoveToAsync("enrolment", "office")).Succeeded);
        var (first, second) = (await PersonAsync(clientA), await PersonAsync(clientA));

        var enrolled = await grain.EnrolAsync(first, EnrolmentSource.Partner, clientA, "partner");
        var waiting = await grain.EnrolAsync(second, EnrolmentSource.Partner, clientA, "partner");

        Assert.Equal((true, EnrolmentStatus.Enrolled), (enrolled.Result.Succeeded, enrolled.Status));
        Assert.Equal(EnrolmentStatus.Waiting, waiting.Status);
        Assert.Equal("enrolment|1|1", await fixture.Database.ScalarAsync<string>(
            $"SELECT phase || '|' || enrolled || '|' || waiting FROM training_order_projection WHERE id = '{order}'"));
        Assert.Equal(2L, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM training_enrolment_projection WHERE order_id = '{order}' AND client_id = '{clientA}'"));

        Assert.True((await grain.ResignAsync(first, EnrolmentSource.Partner, clientA, "partner")).Succeeded);

        Assert.Equal("order.enrolled,order.resigned", await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(kind, ',' ORDER BY source_seq) FROM contact_event WHERE person_id = '{first}' AND subject_type = 'training_order'"));
        Assert.Equal("order.waitlisted,order.promoted", await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(kind, ',' ORDER BY source_seq) FROM contact_event WHERE person_id = '{second}' AND client_id = '{clientA}' AND subject_type = 'training_order'"));
    }

    [Fact]
    public async Task A_partner_administrator_enrols_and_resigns_only_their_own_organisations_people()
    {
        var (order, clientA, clientB) = await OrderAsync(capacity: 5);
        var grain = fixture.Grains.GetGrain<ITrainingOrderGrain>(order);
        await grain.MoveToAsync("enrolment", "office");
        var ofA = await PersonAsync(clientA);
        var ofB = await PersonAsync(clientB);

        var foreign = await grain.EnrolAsync(ofB, EnrolmentSource.Partner, clientA, "partner-a");
        Assert.Equal(TrainingOrderGrain.NotOfPartner, Assert.Single(foreign.Result.Errors).Code);
        Assert.True((await grain.EnrolAsync(ofB, EnrolmentSource.Office, null, "office")).Result.Succeeded);
        var resignForeign = await grain.ResignAsync(ofB, EnrolmentSource.Partner, clientA, "partner-a");
        Assert.Equal(TrainingOrderGrain.NotOfPartner, Assert.Single(resignForeign.Errors).Code);
        Assert.True((await grain.EnrolAsync(ofA, EnrolmentSource.Partner, clientA, "partner-a")).Result.Succeeded);
    }

    [Fact]
    public async Task Attendance_and_certificates_reach_the_read_model()
    {
        var (order, clientA, _) = await OrderAsync(capacity: 5);
        var grain = fixture.Grains.GetGrain<ITrainingOrderGrain>(order);
        var person = await PersonAsync(clientA);
        await grain.EnrolAsync(person, EnrolmentSource.Office, null, "office");
        foreach (var phase in new[] { "enrolment", "closed", "delivered" })
        {
            Assert.True((await grain.MoveToAsync(phase, "office")).Succeeded);
        }

        Assert.True((await grain.RecordAttendanceAsync(new DateOnly(2026, 12, 1), [person], "trainer")).Succeeded);

        Assert.Equal("2026-12-01|100|true", await fixture.Database.ScalarAsync<string>(
            $"SELECT attended || '|' || attendance_percent::int || '|' || certificate FROM training_enrolment_projection WHERE order_id = '{order}'"));
        var snapshot = (await grain.GetAsync())!;
        Assert.Equal([new DateOnly(2026, 12, 1)], Assert.Single(snapshot.Enrolments).Attended);
        Assert.Equal("Sala szkoleniowa, Poznań", (await fixture.Grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key).GetAsync())
            .Locations.Single(l => l.Id == snapshot.Details.LocationId).Name);
    }

    [Fact]
    public async Task People_get_mail_about_their_enrolment_and_certificates_once_even_when_the_read_models_are_written_again()
    {
        var (order, clientA, _) = await OrderAsync(capacity: 1);
        var grain = fixture.Grains.GetGrain<ITrainingOrderGrain>(order);
        var (withMail, second) = (await PersonAsync(clientA), Guid.NewGuid());
        Assert.True((await fixture.Grains.GetGrain<IPersonGrain>(second).CreateAsync(Samples.Person(clientA) with { Email = null })).Succeeded);
        await grain.EnrolAsync(withMail, EnrolmentSource.Office, null, "office");
        await grain.EnrolAsync(second, EnrolmentSource.Office, null, "office");
        Assert.Equal(TrainingOrderRules.CertificatesNotYet, Assert.Single((await grain.IssueCertificatesAsync("office")).Errors).Code);
        foreach (var phase in new[] { "enrolment", "closed", "delivered" })
        {
            await grain.MoveToAsync(phase, "office");
        }

        await grain.RecordAttendanceAsync(new DateOnly(2026, 12, 1), [withMail, second], "trainer");
        Assert.True((await grain.IssueCertificatesAsync("office")).Succeeded);
        Assert.True((await grain.IssueCertificatesAsync("office")).Succeeded);
        await grain.RefreshProjectionAsync();

        var certificate = Assert.Single((await grain.GetAsync())!.Certificates);
        Assert.Equal(withMail, certificate.PersonId);
        Assert.Equal($"ZU/2026/{order.ToString("N")[..6].ToUpperInvariant()}/01", certificate.Number);
        Assert.Equal(32, certificate.Code.Length);
        Assert.Equal("training.certificate,training.enrolled", await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(kind, ',' ORDER BY kind) FROM mail_message WHERE related_id = '{order}'"));
        Assert.Contains($"/Certificates/Training/{certificate.Code}", await fixture.Database.ScalarAsync<string>(
            $"SELECT text_body FROM mail_message WHERE related_id = '{order}' AND kind = 'training.certificate'"), StringComparison.Ordinal);
        Assert.Equal(certificate.Number, await fixture.Database.ScalarAsync<string>($"SELECT number FROM training_certificate WHERE code = '{certificate.Code}'"));
        Assert.Equal("order.enrolled,order.attendance,order.certificateissued", await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(kind, ',' ORDER BY source_seq) FROM contact_event WHERE person_id = '{withMail}' AND subject_type = 'training_order'"));
    }

    [Fact]
    public async Task An_order_needs_a_known_type_and_location_and_sensible_details()
    {
        var grain = fixture.Grains.GetGrain<ITrainingOrderGrain>(Guid.NewGuid());

        var unknownType = await grain.CreateAsync("nie-ma", Details(Guid.NewGuid(), 5), "office");
        var bad = await grain.CreateAsync(OrderTypes.DefaultId, Details(Guid.NewGuid(), 0) with { Meetings = [] }, "office");

        Assert.Equal(OrderTypes.UnknownType, Assert.Single(unknownType.Errors).Code);
        Assert.Equal(
            [OrderRules.MeetingsRequired, OrderRules.UnknownLocation, OrderRules.CapacityRange],
            bad.Errors.Select(e => e.Code));
        Assert.Null(await grain.GetAsync());
    }

    private async Task<(Guid Order, Guid ClientA, Guid ClientB)> OrderAsync(int capacity)
    {
        var setup = fixture.Grains.GetGrain<ITrainingSetupGrain>(ITrainingSetupGrain.Key);
        var location = Guid.NewGuid();
        Assert.True((await setup.SaveLocationAsync(new TrainingLocation(location, "Sala szkoleniowa, Poznań", "ul. Wronia 1", "Poznań", "poznański"))).Succeeded);
        var clients = new List<Guid>();
        for (var i = 0; i < 2; i++)
        {
            var client = Guid.NewGuid();
            Assert.True((await fixture.Grains.GetGrain<IClientGrain>(client).CreateAsync(Samples.Client(nip: Samples.UniqueNip()))).Succeeded);
            clients.Add(client);
        }

        var order = Guid.NewGuid();
        var created = await fixture.Grains.GetGrain<ITrainingOrderGrain>(order).CreateAsync(OrderTypes.DefaultId, Details(location, capacity), "office");
        Assert.True(created.Succeeded, string.Join(", ", created.Errors));
        return (order, clients[0], clients[1]);
    }

    private async Task<Guid> PersonAsync(Guid client)
    {
        var person = Guid.NewGuid();
        Assert.True((await fixture.Grains.GetGrain<IPersonGrain>(person).CreateAsync(Samples.Person(client))).Succeeded);
        return person;
    }

    private static OrderDetails Details(Guid location, int capacity) =>
        new("Obsługa CRM w urzędzie", "Warsztaty", [new(new DateOnly(2026, 12, 1), new TimeOnly(9, 0), new TimeOnly(15, 0))],
            location, null, 350m, capacity, OrderVisibility.Public, []);
}

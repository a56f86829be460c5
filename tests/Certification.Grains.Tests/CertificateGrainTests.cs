using System.Text.Json;
using Certification.Assessment;
using Certification.Certificates;
using Certification.Common;
using Certification.Crm;
using Certification.Exams;
using Certification.Qualifications;
using Certification.Testing;

namespace Certification.Grains.Tests;

/// <summary>Certificates through their grains on the real database: issued once per validation, numbered, renewed, revoked, verified.</summary>
[Collection(ClusterCollection.Name)]
public sealed class CertificateGrainTests(ClusterFixture fixture)
{
    private const string Qualification = "CRM-PRK4";

    private CertificateNumbers Numbers => new(fixture.Database.DataSource);

    [Fact]
    public async Task The_last_signature_of_a_positive_decision_issues_one_certificate_however_often_issuing_is_repeated()
    {
        var (session, candidate) = await SessionAsync();
        var (anna, piotr) = (await PersonAsync("Anna", "Asesorska"), await PersonAsync("Piotr", "Drugi"));
        var validation = fixture.Grains.Assessment(session, candidate);
        Assert.Empty(await validation.AppointPanelAsync([anna, piotr], "office"));
        await GradeAllAsync(validation, [anna, piotr]);
        Assert.True((await validation.DraftDecisionAsync(DecisionOutcome.Positive, new Dictionary<string, string>(), anna, "anna")).Succeeded);
        Assert.True((await validation.SignDecisionAsync(anna, "anna")).Succeeded);
        Assert.Null(await NumberOfAsync(session, candidate));

        Assert.True((await validation.SignDecisionAsync(piotr, "piotr")).Succeeded);

        var number = (await NumberOfAsync(session, candidate))!;
        var today = PolishDate.Of(fixture.Clock.GetUtcNow());
        var issuer = fixture.Grains.CertificateIssuer();
        var again = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => issuer.IssueForValidationAsync(session, candidate, "office")));
        Assert.All(again, outcome => Assert.Equal(number, outcome.Number));
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM certificate WHERE session_id = '{session}' AND person_id = '{candidate}'"));
        Assert.Equal(1, await fixture.Database.ScalarAsync<long>($"SELECT count(*) FROM certificate_number WHERE session_id = '{session}' AND person_id = '{candidate}'"));
        Assert.Equal("issued", await fixture.Database.ScalarAsync<string>($"SELECT string_agg(kind, ',') FROM audit_event WHERE stream = 'certificate:{number}'"));
        Assert.Equal(0, (await fixture.Grains.GetGrain<ISessionCertificatesGrain>(session).StartAsync("office")).Total);

        var certificate = (await fixture.Grains.GetGrain<ICertificateGrain>(number).GetAsync())!;
        var definition = (await fixture.Grains.GetGrain<IQualificationGrain>(Qualification).GetAsync())!;
        Assert.Equal((candidate, "Łucja Żółkiewska", new DateOnly(1944, 5, 14)), (certificate.HolderId, certificate.HolderName, certificate.HolderBirthDate));
        Assert.Equal((Qualification, definition.Name, 4), (certificate.QualificationCode, certificate.QualificationName, certificate.PrkLevel));
        Assert.Equal(["1", "2"], certificate.OutcomeSets.Select(s => s.Id));
        Assert.Equal(["1.1", "1.2", "1.3"], certificate.OutcomeSets[0].Outcomes.Select(o => o.Id));
        Assert.Equal((today, today.AddYears(5), today), (certificate.IssuedOn, certificate.ValidUntil, certificate.DecisionDate));
        Assert.Equal((Institution.DefaultName, session, 1), (certificate.Institution, certificate.SessionId, certificate.DocumentVersion));
        Assert.StartsWith($"CRM/{today.Year}/", number, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_negative_decision_issues_nothing_and_an_appeal_that_makes_it_positive_does()
    {
        var (session, candidate) = await SessionAsync();
        var (anna, piotr, reviewer) = (await PersonAsync("Anna", "A"), await PersonAsync("Piotr", "P"), await PersonAsync("Renata", "R"));
        var validation = fixture.Grains.Assessment(session, candidate);
        Assert.Empty(await validation.AppointPanelAsync([anna, piotr], "office"));
        var unmet = await GradeAllAsync(validation, [anna, piotr], failFirstPractical: true);
        Assert.True((await validation.DraftDecisionAsync(DecisionOutcome.Negative, new Dictionary<string, string> { [unmet] = "Brak konta klienta." }, anna, "anna")).Succeeded);
        Assert.True((await validation.SignDecisionAsync(anna, "anna")).Succeeded);
        Assert.True((await validation.SignDecisionAsync(piotr, "piotr")).Succeeded);
        Assert.Null(await NumberOfAsync(session, candidate));
        Assert.Equal(CertificateIssuerGrain.NoPositiveDecision, (await fixture.Grains.CertificateIssuer().IssueForValidationAsync(session, candidate, "office")).Refusal);

        Assert.True((await validation.FileAppealAsync(candidate, "Konto jest w historii działań.", "candidate")).Succeeded);
        Assert.Empty(await validation.AssignReviewerAsync(reviewer, "office"));
        Assert.True((await validation.DecideAppealAsync(AppealOutcome.DecisionChanged, "Konto jest w logu.", DecisionOutcome.Positive, null, reviewer, "reviewer")).Succeeded);

        Assert.NotNull(await NumberOfAsync(session, candidate));
    }

    [Fact]
    public async Task Numbers_run_per_year_and_their_check_character_needs_the_institution_secret()
    {
        var prefix = "T" + new string([.. Guid.NewGuid().ToString("N").Where(char.IsLetter).Take(5)]).ToUpperInvariant().PadRight(5, 'X');
        var day = new DateOnly(2026, 3, 10);
        var first = await Numbers.ReserveAsync(Guid.NewGuid(), Guid.NewGuid(), prefix, day);
        var session = Guid.NewGuid();
        var person = Guid.NewGuid();
        var second = await Numbers.ReserveAsync(session, person, prefix, day);
        var nextYear = await Numbers.ReserveAsync(Guid.NewGuid(), Guid.NewGuid(), prefix, new DateOnly(2027, 1, 1));

        Assert.Equal((1, 2, 1), (first.Number.Sequence, second.Number.Sequence, nextYear.Number.Sequence));
        Assert.Matches($"^{prefix}/2026/000002-[0-9A-HJKMNP-TV-Z]$", second.Number.ToString());
        Assert.Equal(second, await Numbers.ReserveAsync(session, person, prefix, day.AddDays(400)));
        var secret = await Numbers.SecretAsync();
        Assert.True(second.Number.HasValidCheck(secret));
        Assert.False(second.Number.HasValidCheck(new byte[32]));

        // Read as people type it; a different check character is a different (unknown) number.
        Assert.True(CertificateNumber.TryParse($"  {second.Number.ToString().ToLowerInvariant().Replace("/", " / ", StringComparison.Ordinal)} ", out var typed));
        Assert.Equal(second.Number, typed);
        Assert.True(CertificateNumber.TryParse(second.Number.Slug, out var slug));
        Assert.Equal(second.Number, slug);
        var wrong = second.Number with { Check = CertificateNumber.Alphabet.First(c => c != second.Number.Check) };
        Assert.False(wrong.HasValidCheck(secret));
        Assert.True(CertificateNumber.TryParse("CRM/2026/000123-o", out var misread));
        Assert.Equal('0', misread.Check);
        Assert.False(CertificateNumber.TryParse("CRM/2026/000123", out _));
        Assert.False(CertificateNumber.TryParse("CRM/2026/000123-U", out _));
        Assert.False(CertificateNumber.TryParse("CRM/26/000123-K", out _));
        Assert.False(CertificateNumber.TryParse("<script>/2026/1-K", out _));

        // Consecutive numbers do not give consecutive (or any predictable) check characters: all 32 appear.
        var checks = Enumerable.Range(1, 1000).Select(i => CertificateNumber.Create("CRM", 2026, i, secret).Check).ToHashSet();
        Assert.Equal(CertificateNumber.Alphabet.Length, checks.Count);
    }

    [Fact]
    public void Valid_until_is_the_same_day_five_years_later_and_a_leap_day_ends_on_28_February()
    {
        Assert.Equal(new DateOnly(2031, 3, 10), CertificateValidity.Until(new DateOnly(2026, 3, 10), 5));
        Assert.Equal(new DateOnly(2033, 2, 28), CertificateValidity.Until(new DateOnly(2028, 2, 29), 5));
        Assert.Equal(new DateOnly(2032, 2, 29), CertificateValidity.Until(new DateOnly(2028, 2, 29), 4));
        Assert.Equal(new DateOnly(2030, 12, 31), CertificateValidity.Until(new DateOnly(2025, 12, 31), 5));

        var until = new DateOnly(2031, 3, 10);
        Assert.Equal(CertificateStatus.Valid, CertificateValidity.On(until, until, 1, null).Status);
        Assert.Equal(CertificateStatus.Expired, CertificateValidity.On(until.AddDays(1), until, 1, null).Status);
        Assert.Equal(CertificateStatus.Revoked, CertificateValidity.On(until.AddDays(-100), until, 1, until.AddDays(-200)).Status);
        Assert.True(CertificateValidity.On(until, until, 2, null).Renewed);
    }

    [Fact]
    public async Task A_certificate_issued_on_a_leap_day_is_valid_until_28_February()
    {
        var (number, grain) = await IssuedAsync(new DateOnly(2028, 2, 29));

        var certificate = (await grain.GetAsync())!;
        Assert.Equal((new DateOnly(2028, 2, 29), new DateOnly(2033, 2, 28)), (certificate.IssuedOn, certificate.ValidUntil));
        Assert.Equal("2028-02-29|2033-02-28", await fixture.Database.ScalarAsync<string>($"SELECT issued_on || '|' || valid_until FROM certificate WHERE number = '{number}'"));
    }

    [Fact]
    public async Task A_number_the_institution_did_not_give_or_of_another_year_issues_nothing()
    {
        var secret = await Numbers.SecretAsync();
        var issue = Issue(new DateOnly(2026, 5, 4));
        var genuine = CertificateNumber.Create("CRM", 2026, Random.Shared.Next(500_000, 900_000), secret);
        var forged = genuine with { Check = CertificateNumber.Alphabet.First(c => c != genuine.Check) };

        Assert.Equal(CertificateGrain.BadNumber, (await fixture.Grains.GetGrain<ICertificateGrain>(forged.ToString()).IssueAsync(issue, "x")).Errors[0].Code);
        Assert.Equal(CertificateGrain.BadNumber, (await fixture.Grains.GetGrain<ICertificateGrain>(genuine.Slug).IssueAsync(issue, "x")).Errors[0].Code);
        Assert.Equal(CertificateGrain.BadNumber, (await fixture.Grains.GetGrain<ICertificateGrain>(genuine.ToString()).IssueAsync(issue with { IssuedOn = new DateOnly(2027, 1, 2) }, "x")).Errors[0].Code);
        Assert.Null(await fixture.Grains.GetGrain<ICertificateGrain>(forged.ToString()).GetAsync());

        var grain = fixture.Grains.GetGrain<ICertificateGrain>(genuine.ToString());
        Assert.True((await grain.IssueAsync(issue, "x")).Succeeded);
        Assert.Equal(CertificateGrain.OtherValidation, (await grain.IssueAsync(issue with { HolderId = Guid.NewGuid() }, "x")).Errors[0].Code);
    }

    [Fact]
    public async Task Revocation_needs_a_reason_is_on_the_audit_trail_and_is_final()
    {
        var (number, grain) = await IssuedAsync(new DateOnly(2026, 4, 1));

        Assert.Equal(CertificateGrain.ReasonRequired, (await grain.RevokeAsync("  ", "admin")).Errors[0].Code);
        Assert.Equal(ErrorCodes.TooLong, (await grain.RevokeAsync(new string('x', CertificateGrain.MaxReasonLength + 1), "admin")).Errors[0].Code);
        Assert.Null((await grain.GetAsync())!.Revocation);
        Assert.True((await grain.RevokeAsync(" Dokumenty kandydata okazały się podrobione. ", "admin-1")).Succeeded);

        var revoked = (await grain.GetAsync())!;
        Assert.Equal(("Dokumenty kandydata okazały się podrobione.", "admin-1"), (revoked.Revocation!.Reason, revoked.Revocation.Actor));
        Assert.Equal(CertificateGrain.Revoked, (await grain.RevokeAsync("jeszcze raz", "admin")).Errors[0].Code);
        Assert.Equal(CertificateGrain.Revoked, (await grain.RenewAsync(new CertificateRenewal(Guid.NewGuid(), revoked.ValidUntil.AddYears(5), "dowody"), "x")).Errors[0].Code);
        Assert.Equal("issued|revoked|admin-1|Dokumenty kandydata okazały się podrobione.", await fixture.Database.ScalarAsync<string>(
            $"SELECT string_agg(kind, '|' ORDER BY seq) || '|' || max(actor) FILTER (WHERE kind = 'revoked') || '|' || max(reason) FROM audit_event WHERE stream = 'certificate:{number}'"));
        Assert.Equal("admin-1", await fixture.Database.ScalarAsync<string>($"SELECT revoked_by FROM certificate WHERE number = '{number}'"));
        Assert.Equal(CertificateGrain.NotIssued, (await fixture.Grains.GetGrain<ICertificateGrain>("CRM/2026/999999-Z").RevokeAsync("powód", "admin")).Errors[0].Code);
    }

    [Fact]
    public async Task A_renewal_is_a_new_document_version_and_the_history_is_kept()
    {
        var (number, grain) = await IssuedAsync(new DateOnly(2026, 4, 2));
        var before = (await grain.GetAsync())!;
        var renewal = new CertificateRenewal(Guid.NewGuid(), CertificateValidity.Until(before.ValidUntil, 5), "Zaświadczenie pracodawcy: 2 lata pracy w CRM (2027–2029).");

        Assert.Equal(CertificateGrain.RenewalNotLater, (await grain.RenewAsync(renewal with { ValidUntil = before.ValidUntil }, "reviewer")).Errors[0].Code);
        Assert.Equal(CertificateGrain.ReasonRequired, (await grain.RenewAsync(renewal with { Reason = "" }, "reviewer")).Errors[0].Code);
        Assert.True((await grain.RenewAsync(renewal, "reviewer")).Succeeded);
        Assert.True((await grain.RenewAsync(renewal, "reviewer")).Succeeded);

        var renewed = (await grain.GetAsync())!;
        var today = PolishDate.Of(fixture.Clock.GetUtcNow());
        Assert.Equal((2, new DateOnly(2036, 4, 2), today), (renewed.DocumentVersion, renewed.ValidUntil, renewed.DocumentDate));
        Assert.Equal(
            [(1, new DateOnly(2026, 4, 2), new DateOnly(2031, 4, 2), (string?)null), (2, today, new DateOnly(2036, 4, 2), renewal.Reason)],
            renewed.Versions.Select(v => (v.DocumentVersion, v.From, v.ValidUntil, v.Reason)));
        Assert.Equal((before.IssuedOn, before.HolderName), (renewed.IssuedOn, renewed.HolderName));
        Assert.Equal("issued,renewed", await fixture.Database.ScalarAsync<string>($"SELECT string_agg(kind, ',' ORDER BY seq) FROM audit_event WHERE stream = 'certificate:{number}'"));
        Assert.Equal(2, await fixture.Database.ScalarAsync<int>($"SELECT document_version FROM certificate WHERE number = '{number}'"));

        // A new activation replays the stored stream into the same certificate.
        var replayed = new CertificateState();
        foreach (var @event in await new Infrastructure.AuditLog<CertificateEvent>(fixture.Database.DataSource).ReadAsync(CertificateGrain.Stream(number)))
        {
            replayed.Apply(@event);
        }

        Assert.Equal(JsonSerializer.Serialize(renewed), JsonSerializer.Serialize(replayed.Record(number)));
    }

    [Fact]
    public async Task Verification_tells_valid_renewed_expired_by_the_clock_and_revoked()
    {
        var verification = new CertificateVerification(fixture.Database.DataSource, Numbers);
        var today = PolishDate.Of(fixture.Clock.GetUtcNow());
        var (number, grain) = await IssuedAsync(today);

        var valid = await verification.VerifyAsync(number.ToLowerInvariant().Replace('/', '-'), today);
        Assert.Equal(VerificationOutcome.Found, valid.Outcome);
        Assert.Equal((CertificateStatus.Valid, false, today.AddYears(5)), (valid.Certificate!.Standing.Status, valid.Certificate.Standing.Renewed, valid.Certificate.Standing.ValidUntil));
        Assert.Equal(("Łucja Żółkiewska", number, today), (valid.Certificate.HolderName, valid.Certificate.Number, valid.Certificate.IssuedOn));

        fixture.Clock.Advance(TimeSpan.FromDays((today.AddYears(5).DayNumber - today.DayNumber) + 1));
        try
        {
            var expired = await verification.VerifyAsync(number, PolishDate.Of(fixture.Clock.GetUtcNow()));
            Assert.Equal(CertificateStatus.Expired, expired.Certificate!.Standing.Status);
        }
        finally
        {
            fixture.Clock.Advance(-TimeSpan.FromDays((today.AddYears(5).DayNumber - today.DayNumber) + 1));
        }

        Assert.True((await grain.RenewAsync(new CertificateRenewal(Guid.NewGuid(), today.AddYears(10), "Dowody pracy w CRM"), "reviewer")).Succeeded);
        var renewed = (await verification.VerifyAsync(number, today.AddYears(7))).Certificate!;
        Assert.Equal((CertificateStatus.Valid, true, today.AddYears(10), today), (renewed.Standing.Status, renewed.Standing.Renewed, renewed.Standing.ValidUntil, renewed.RenewedOn));

        Assert.True((await grain.RevokeAsync("Decyzja uchylona", "admin")).Succeeded);
        var revoked = (await verification.VerifyAsync(number, today)).Certificate!;
        Assert.Equal((CertificateStatus.Revoked, today), (revoked.Standing.Status, revoked.Standing.RevokedOn));

        Assert.True(CertificateNumber.TryParse(number, out var parsed));
        Assert.Equal(VerificationOutcome.NotFound, (await verification.VerifyAsync((parsed with { Check = CertificateNumber.Alphabet.First(c => c != parsed.Check) }).ToString(), today)).Outcome);
        Assert.Equal(VerificationOutcome.NotFound, (await verification.VerifyAsync(CertificateNumber.Create("CRM", 2026, 999_998, await Numbers.SecretAsync()).ToString(), today)).Outcome);
        Assert.Equal(VerificationOutcome.Malformed, (await verification.VerifyAsync("nie numer", today)).Outcome);
    }

    [Fact]
    public async Task The_bulk_issue_gives_every_positive_decision_of_the_session_without_a_certificate_one_and_reports_progress()
    {
        // Validations decided before certificates were issued automatically: their audit trail and list rows only.
        var session = (await SessionAsync()).Session;
        var candidates = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var candidate = await PersonAsync("Kandydat", $"Zbiorczy{i}");
            await fixture.Database.DecidedWithoutCertificateAsync(session, candidate, i == 2 ? DecisionOutcome.Negative : DecisionOutcome.Positive, fixture.Clock.GetUtcNow().AddDays(-30));
            candidates.Add(candidate);
        }

        var bulk = fixture.Grains.GetGrain<ISessionCertificatesGrain>(session);
        var started = await bulk.StartAsync("office");
        Assert.Equal(2, started.Total);
        var progress = started;
        for (var wait = 0; progress.Running && wait < 200; wait++)
        {
            await Task.Delay(50);
            progress = await bulk.GetProgressAsync();
        }

        Assert.Equal((false, 2, 2, 2), (progress.Running, progress.Total, progress.Done, progress.Issued));
        Assert.Empty(progress.Failed);
        Assert.NotNull(await NumberOfAsync(session, candidates[0]));
        Assert.NotNull(await NumberOfAsync(session, candidates[1]));
        Assert.Null(await NumberOfAsync(session, candidates[2]));
        Assert.Equal(0, (await bulk.StartAsync("office")).Total);
    }

    private async Task<(string Number, ICertificateGrain Grain)> IssuedAsync(DateOnly issuedOn)
    {
        var reserved = await Numbers.ReserveAsync(Guid.NewGuid(), Guid.NewGuid(), "CRM", issuedOn);
        var grain = fixture.Grains.GetGrain<ICertificateGrain>(reserved.Number.ToString());
        var result = await grain.IssueAsync(Issue(issuedOn), "office");
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));
        return (reserved.Number.ToString(), grain);
    }

    private static CertificateIssue Issue(DateOnly issuedOn) => new(
        Guid.NewGuid(), Guid.NewGuid(), "Łucja Żółkiewska", new DateOnly(1944, 5, 14), Qualification,
        new LocalizedText("Zarządzanie relacjami z klientem z wykorzystaniem systemu CRM", "Customer relationship management using a CRM system"), 4,
        [new CertifiedOutcomeSet("1", new LocalizedText("Budowanie bazy klientów", null), 4, [new CertifiedOutcome("1.1", new LocalizedText("Pozyskuje dane klientów", null))])],
        issuedOn, 5, Institution.DefaultName, issuedOn);

    private async Task<string?> NumberOfAsync(Guid session, Guid candidate) =>
        await fixture.Database.ScalarAsync<string>($"SELECT number FROM certificate WHERE session_id = '{session}' AND person_id = '{candidate}'");

    /// <summary>Every assessor grades every criterion met (or all but the first practical one) and submits; returns that first criterion.</summary>
    private async Task<string> GradeAllAsync(IAssessmentGrain grain, Guid[] panel, bool failFirstPractical = false)
    {
        var definition = (await fixture.Grains.GetGrain<IQualificationGrain>(Qualification).GetAsync())!;
        var practical = AssessmentCriteria.Of(definition, AssessmentPart.Practical).Select(c => c.Id).ToList();
        var interview = AssessmentCriteria.Of(definition, AssessmentPart.Interview).Select(c => c.Id).ToList();
        foreach (var assessor in panel)
        {
            var grades = practical.Select((c, i) => new CriterionGrade(c, !(failFirstPractical && i == 0), null)).ToList();
            Assert.True((await grain.SaveGradesAsync(AssessmentPart.Practical, assessor, grades, true, "a")).Succeeded);
            Assert.True((await grain.SaveGradesAsync(AssessmentPart.Interview, assessor, [.. interview.Select(c => new CriterionGrade(c, true, null))], true, "a")).Succeeded);
        }

        return practical[0];
    }

    private async Task<Guid> PersonAsync(string firstName, string lastName)
    {
        var person = Guid.NewGuid();
        Assert.True((await fixture.Grains.GetGrain<IPersonGrain>(person).CreateAsync(new PersonDetails(firstName, lastName, null, null, null, null, null, null))).Succeeded);
        return person;
    }

    /// <summary>A closed session whose candidate (Łucja Żółkiewska, PESEL of 14 May 1944) answered every theory question right.</summary>
    private async Task<(Guid Session, Guid Candidate)> SessionAsync()
    {
        var candidate = Guid.NewGuid();
        Assert.True((await fixture.Grains.GetGrain<IPersonGrain>(candidate).CreateAsync(Samples.Person(null))).Succeeded);
        var session = Guid.NewGuid();
        var grain = fixture.Grains.GetGrain<IExamSessionGrain>(session);
        var scheduled = await grain.ScheduleAsync(new SessionDetails(Qualification, "Walidacja", DateTimeOffset.UtcNow, "Sala 1", Guid.NewGuid(), false));
        Assert.True((await grain.SetRosterAsync(scheduled.Version, [candidate])).Succeeded);
        Assert.True((await grain.OpenAsync("admin")).Succeeded);
        var attempt = TheoryTestKey.For(session, candidate);
        var test = fixture.Grains.GetGrain<ITheoryTestGrain>(attempt);
        await test.OpenAsync("c", "candidate");
        var drawn = await fixture.Database.ScalarAsync<string>($"SELECT data::text FROM attempt_event WHERE attempt = '{attempt}' AND kind = 'drawn'");
        var seq = 0;
        foreach (var question in JsonDocument.Parse(drawn!).RootElement.GetProperty("questions").EnumerateArray())
        {
            var right = question.GetProperty("correctOptionIds").EnumerateArray().Select(o => o.GetString()!).ToList();
            await test.SaveAnswerAsync("c", "candidate", new AnswerChange(++seq, question.GetProperty("number").GetInt32(), right, false));
        }

        await test.SubmitAsync("c", "candidate");
        Assert.True((await grain.CloseAsync("operator")).Succeeded);
        return (session, candidate);
    }
}

using System.Collections.Immutable;
using Bogus;
using Certification.ExamSimulator.Sandbox;
using Certification.ExamSimulator.Text;

namespace Certification.ExamSimulator.Scenarios;

/// <summary>
/// Makes the scenario of one attempt from its seed. Everything comes from one Bogus randomizer seeded with it (Polish
/// locale), dates are counted from a reference date drawn from the seed, and text is formatted without the machine's
/// culture: the same seed gives the same scenario byte for byte on any machine, culture and time zone, so an appeal
/// can rebuild what the candidate saw.
/// </summary>
public static class ScenarioGenerator
{
    public const int MinAccounts = 30;
    public const int MaxAccounts = 60;

    /// <summary>The first possible "today" of a scenario, a Monday; each seed moves it by whole weeks.</summary>
    private static readonly DateOnly FirstReferenceDate = new(2026, 1, 5);

    public static Scenario Generate(int seed) => new Builder(seed).Build();

    private sealed class Builder(int seed)
    {
        private readonly Faker _faker = new("pl") { Random = new Randomizer(seed) };
        private readonly HashSet<string> _names = new(StringComparer.Ordinal);
        private readonly HashSet<string> _nips = new(StringComparer.Ordinal);
        private readonly HashSet<string> _taskTitles = new(StringComparer.Ordinal);
        private readonly List<Account> _accounts = [];
        private readonly List<Contact> _contacts = [];
        private readonly List<Opportunity> _opportunities = [];
        private readonly List<CrmTask> _tasks = [];
        private readonly List<Product> _products = [];
        private int _activityNumber;
        private DateOnly _today;
        private Theme _theme = Catalogue.Themes[0];
        private List<string> _region = [];
        private Pipeline _main = null!;

        private Randomizer Random => _faker.Random;

        public Scenario Build()
        {
            _today = FirstReferenceDate.AddDays(7 * Random.Int(0, 100));
            _theme = Catalogue.Themes[Random.Int(0, Catalogue.Themes.Count - 1)];
            _region = Shuffle(Catalogue.Cities.Select(c => c.Voivodeship).Distinct().ToList()).Take(4).ToList();
            var seller = MakeSeller();
            MakeProducts();
            var accountCount = Random.Int(MinAccounts, MaxAccounts);
            for (var i = 0; i < accountCount; i++)
            {
                AddAccount(i);
            }

            _main = MakeMainPipeline();
            MakeOpenOpportunities();
            MakeClosedOpportunities();
            MakeTasks();
            var exercise = MakeExercise();
            // Activities were removed from some opportunities: the counter is the highest id given, not the number left.
            var counters = new IdCounters(
                _accounts.Count, _contacts.Count, 1, _main.Stages.Count, _opportunities.Count,
                _opportunities.SelectMany(o => o.Activities).Select(a => Number(a.Id)).DefaultIfEmpty(0).Max(), _tasks.Count, 0, 0, 0, 0, 0);
            return new Scenario(
                seed, _today, _theme.Key, MakeBrief(seller, exercise), seller, [.. _products], [.. _accounts], [.. _contacts], [_main],
                [.. _opportunities], [.. _tasks], counters, exercise);
        }

        private Seller MakeSeller()
        {
            var city = Catalogue.Cities[Random.Int(0, Catalogue.Cities.Count - 1)];
            var slug = Slug(_theme.SellerStem);
            return new Seller(
                $"{_theme.SellerStem} sp. z o.o.", NewNip(), Street(), PostalCode(city), city.Name, Phone(), $"biuro@{slug}.pl", $"www.{slug}.pl");
        }

        private void MakeProducts()
        {
            foreach (var template in _theme.Products)
            {
                var price = Math.Round(Random.Int(template.MinPrice, template.MaxPrice) / 10m) * 10m;
                _products.Add(new Product(SandboxState.Id("prd", _products.Count + 1), template.Code, template.Name, template.Kind, template.Unit, price, 23));
            }
        }

        /// <summary>Companies work in the theme's private industries; public bodies in administration, education or health.</summary>
        private string Industry(AccountKind kind)
        {
            string[] publicSector = ["Administracja publiczna", "Edukacja", "Ochrona zdrowia"];
            var choices = kind switch
            {
                AccountKind.Municipality => ["Administracja publiczna"],
                AccountKind.Institution => _theme.Industries.Where(publicSector.Contains).DefaultIfEmpty("Administracja publiczna").ToList(),
                _ => _theme.Industries.Where(i => i != "Administracja publiczna").ToList(),
            };
            return choices[Random.Int(0, choices.Count - 1)];
        }

        private void AddAccount(int index)
        {
            var roll = Random.Int(1, 100);
            var kind = roll <= _theme.Mix.Companies ? AccountKind.Company
                : roll <= _theme.Mix.Companies + _theme.Mix.Municipalities ? AccountKind.Municipality
                : AccountKind.Institution;
            var city = Random.Int(1, 100) <= 85 ? RegionCity() : Catalogue.Cities[Random.Int(0, Catalogue.Cities.Count - 1)];
            var industry = Industry(kind);
            var name = AccountName(kind, industry, city);
            if (name is null)
            {
                // The town's public bodies are already accounts: a company there instead.
                kind = AccountKind.Company;
                industry = Industry(kind);
                name = AccountName(kind, industry, city)!;
            }

            var domain = Slug(ShortName(name)) + ".pl";
            var statusRoll = Random.Int(1, 100);
            var status = statusRoll <= 40 ? AccountStatus.Customer : statusRoll <= 85 ? AccountStatus.Prospect : AccountStatus.Former;
            var data = new AccountData(
                name, kind, industry, NewNip(), Street(), PostalCode(city), city.Name, city.Voivodeship,
                Random.Int(1, 100) <= 10 ? null : Phone(),
                Random.Int(1, 100) <= 8 ? null : (kind == AccountKind.Company ? "biuro@" : "sekretariat@") + domain,
                kind == AccountKind.Company && Random.Bool(0.7f) ? "www." + domain : null,
                kind == AccountKind.Municipality ? Random.Int(25, 180) : Random.Int(5, 400),
                status);
            var created = At(_today.AddDays(-Random.Int(60, 900)));
            var account = new Account(SandboxState.Id("acc", index + 1), data, [], created, "import");
            _accounts.Add(account);
            var contacts = Random.Int(1, 3);
            for (var i = 0; i < contacts; i++)
            {
                AddContact(account, domain, created);
            }
        }

        private Contact AddContact(Account account, string domain, DateTime created)
        {
            var (first, last) = PersonName();
            var positions = account.Data.Kind == AccountKind.Company ? Catalogue.CompanyPositions : Catalogue.PublicPositions;
            var email = Random.Int(1, 100) <= 10 ? null : $"{Slug(first)}.{Slug(last)}@{domain}";
            var contact = new Contact(
                SandboxState.Id("con", _contacts.Count + 1), account.Id,
                new ContactData(first, last, positions[Random.Int(0, positions.Count - 1)], email, Random.Bool(0.8f) ? Phone() : null),
                created, "import");
            _contacts.Add(contact);
            return contact;
        }

        private Pipeline MakeMainPipeline()
        {
            var stages = Catalogue.MainStages.Select((s, i) => new Stage(SandboxState.Id("stg", i + 1), s.Name, s.Probability)).ToImmutableList();
            return new Pipeline("pip-1", Catalogue.MainPipelineName, stages, At(_today.AddDays(-400)), "import");
        }

        private void MakeOpenOpportunities()
        {
            var eligible = Shuffle(_accounts.Where(a => a.Data.Status != AccountStatus.Former).ToList());
            var count = Random.Int(16, 22);
            for (var i = 0; i < count; i++)
            {
                var stage = i < 12 ? i % 4 : Random.Int(0, 3);
                var account = eligible[i % eligible.Count];
                var created = _today.AddDays(-Random.Int(20, 120));
                var history = ImmutableList.CreateBuilder<OpportunityChange>();
                history.Add(new OpportunityChange(At(created), "import", OpportunityChangeKind.Created, null, _main.Stages[0].Id, null));
                var activities = ImmutableList.CreateBuilder<OpportunityActivity>();
                var day = created;
                for (var s = 0; s <= stage; s++)
                {
                    var choices = Catalogue.StageActivities[s];
                    var activityCount = s < stage ? Random.Int(1, choices.Count) : Random.Int(0, 1);
                    for (var a = 0; a < activityCount; a++)
                    {
                        var done = s < stage || Random.Bool();
                        activities.Add(new OpportunityActivity(
                            SandboxState.Id("act", ++_activityNumber), _main.Stages[s].Id, choices[a],
                            null, done, At(day), "import", done ? At(day.AddDays(1)) : null));
                    }

                    if (s < stage)
                    {
                        day = day.AddDays(Random.Int(2, Math.Max(3, (_today.DayNumber - day.DayNumber) / (stage - s + 1))));
                        history.Add(new OpportunityChange(At(day), "import", OpportunityChangeKind.Moved, _main.Stages[s].Id, _main.Stages[s + 1].Id, null));
                    }
                }

                _opportunities.Add(new Opportunity(
                    SandboxState.Id("opp", _opportunities.Count + 1),
                    new OpportunityDetails(OpportunityName(account), account.Id, FirstContact(account.Id)?.Id, OpportunityValue(), _today.AddDays(Random.Int(14, 90))),
                    _main.Id, _main.Stages[stage].Id, OpportunityStatus.Open, null, null, At(created), "import", activities.ToImmutable(), history.ToImmutable()));
            }
        }

        private void MakeClosedOpportunities()
        {
            var count = Random.Int(6, 10);
            var accounts = Shuffle(_accounts.ToList());
            for (var i = 0; i < count; i++)
            {
                // The first three are won in three different past months, so the monthly comparison has something to compare.
                var won = i < 3 || Random.Bool(0.6f);
                var closed = i < 3
                    ? new DateOnly(_today.Year, _today.Month, 1).AddMonths(-(i + 1)).AddDays(Random.Int(0, 26))
                    : _today.AddDays(-Random.Int(5, 180));
                var account = accounts[i % accounts.Count];
                var stage = won ? _main.Stages.Count - 1 : Random.Int(0, _main.Stages.Count - 1);
                var created = closed.AddDays(-Random.Int(20, 90));
                var reason = won ? null : Catalogue.LostReasons[Random.Int(0, Catalogue.LostReasons.Count - 1)];
                _opportunities.Add(new Opportunity(
                    SandboxState.Id("opp", _opportunities.Count + 1),
                    new OpportunityDetails(OpportunityName(account), account.Id, FirstContact(account.Id)?.Id, OpportunityValue(), closed),
                    _main.Id, _main.Stages[stage].Id, won ? OpportunityStatus.Won : OpportunityStatus.Lost, reason, At(closed), At(created), "import", [],
                    [
                        new OpportunityChange(At(created), "import", OpportunityChangeKind.Created, null, _main.Stages[0].Id, null),
                        new OpportunityChange(At(closed), "import", won ? OpportunityChangeKind.Won : OpportunityChangeKind.Lost, _main.Stages[stage].Id, null, reason),
                    ]));
                if (won && account.Data.Status != AccountStatus.Customer)
                {
                    Replace(account, account with { Data = account.Data with { Status = AccountStatus.Customer } });
                }
            }
        }

        private void MakeTasks()
        {
            var open = _opportunities.Where(o => o.Status == OpportunityStatus.Open).ToList();
            var count = Random.Int(24, 34);
            for (var i = 0; i < count; i++)
            {
                var opportunity = Random.Bool(0.55f) ? open[Random.Int(0, open.Count - 1)] : null;
                var account = opportunity is null ? _accounts[Random.Int(0, _accounts.Count - 1)] : FindAccount(opportunity.Details.AccountId);
                var due = _today.AddDays(Random.Int(-12, 25));
                var (status, progress) = Progress(due);
                var stage = opportunity is not null && Random.Bool(0.4f) ? opportunity.StageId : null;
                AddTask(account, opportunity, due, status, progress, Priority(), stage);
            }

            // The week the task list is asked for has enough in it to be worth a list.
            var weekStart = _today.AddDays(7);
            while (_tasks.Count(t => t.Data.DueDate >= weekStart && t.Data.DueDate <= weekStart.AddDays(4)) < 4)
            {
                var opportunity = open[Random.Int(0, open.Count - 1)];
                AddTask(FindAccount(opportunity.Details.AccountId), opportunity, weekStart.AddDays(Random.Int(0, 4)), CrmTaskStatus.ToDo, 0, Priority(), null);
            }
        }

        private Exercise MakeExercise()
        {
            var open = _opportunities.Where(o => o.Status == OpportunityStatus.Open).ToList();
            var used = new HashSet<string>(StringComparer.Ordinal);
            Opportunity Take(int stage)
            {
                var pick = Shuffle(open.Where(o => !used.Contains(o.Id) && (stage < 0 || o.StageId == _main.Stages[stage].Id)).ToList())[0];
                used.Add(pick.Id);
                return pick;
            }

            var toActivities = Take(1);
            var toSchedule = Take(1);
            var toNegotiation = Take(2);
            var toWin = Take(3);
            var toLose = Take(-1);
            var toRevalue = Take(-1);
            var toReassign = Take(-1);
            var forOffer = Take(-1);

            // The opportunities to move or win have nothing left to do at their stage; the one needing activities has none yet.
            toActivities = Update(toActivities, o => o with { Activities = o.Activities.RemoveAll(a => a.StageId == o.StageId) });
            toNegotiation = Update(toNegotiation, CompleteCurrentStage);
            toWin = Update(toWin, CompleteCurrentStage);
            toSchedule = Update(toSchedule, o => o with { Details = o.Details with { ExpectedClose = _today.AddDays(Random.Int(35, 60)) } });

            var targetAccounts = new HashSet<string>(_opportunities.Where(o => used.Contains(o.Id)).Select(o => o.Details.AccountId), StringComparer.Ordinal);
            var segment = MakeSegment(targetAccounts);
            var newAccounts = ImmutableList.Create(NewAccount(segment.Industry), NewAccount(segment.Industry));
            var (accountFixes, contactFixes) = MakeFixes(targetAccounts, segment);
            var reassign = MakeReassign(toReassign, targetAccounts);
            var offer = MakeOffer(forOffer);

            var taken = new HashSet<string>(StringComparer.Ordinal);
            var assignments = MakeStageAssignments(used, taken);
            var priorities = MakePriorities(taken);
            var questions = MakeQuestions(taken);

            var revalue = toRevalue.Details.Value;
            var newValue = Math.Max(1000m, Math.Round(revalue * (100 + (Random.Bool() ? 1 : -1) * Random.Int(10, 40)) / 100m / 100m) * 100m);
            var weekStart = _today.AddDays(7);
            var values = open.Select(o => o.Details.Value).Order().ToList();
            var minValue = Math.Max(1000m, Math.Round(values[values.Count / 4] / 1000m) * 1000m);

            return new Exercise(
                newAccounts,
                accountFixes,
                contactFixes,
                segment,
                new PipelineSpec(_theme.NewPipeline.Name, _theme.NewPipeline.FormOfSale, [.. _theme.NewPipeline.Stages]),
                assignments,
                new ScheduleSpec(toSchedule.Id, _today.AddDays(1), toSchedule.Details.ExpectedClose, [.. _main.Stages.Skip(1).Select(s => s.Id)]),
                priorities,
                new TaskListSpec($"Plan na tydzień {PlFormat.Date(weekStart)[..5]}–{PlFormat.Date(weekStart.AddDays(4))}", weekStart, weekStart.AddDays(4)),
                questions,
                new NewOpportunitySpec(
                    $"{_theme.OpportunityNoun} {ShortName(newAccounts[0].Data.Name)} {PlFormat.Count(_today.Year)}", 0, Random.Int(80, 400) * 100m,
                    _main.Id, _main.Stages[0].Id, _today.AddDays(45)),
                new ValueChangeSpec(toRevalue.Id, revalue, newValue == revalue ? revalue + 1000m : newValue,
                    newValue > revalue ? "klient rozszerzył zakres zamówienia" : "klient ograniczył zakres zamówienia"),
                reassign,
                new ActivitiesSpec(toActivities.Id, toActivities.StageId, 2, [.. Catalogue.StageActivities[1]]),
                [
                    new MoveSpec(toActivities.Id, _main.Stages[1].Id, _main.Stages[2].Id),
                    new MoveSpec(toNegotiation.Id, _main.Stages[2].Id, _main.Stages[3].Id),
                ],
                [
                    new CloseSpec(toWin.Id, true, "klient podpisał umowę"),
                    new CloseSpec(toLose.Id, false, Catalogue.LostReasons[Random.Int(0, Catalogue.LostReasons.Count - 1)]),
                ],
                new StageReportSpec("Otwarte szanse wg etapów", _main.Id, minValue, ["name", "account", "stage", "value"]),
                new MonthlyReportSpec("Wygrane szanse wg miesięcy"),
                offer);
        }

        private SegmentSpec MakeSegment(HashSet<string> avoid)
        {
            var industry = Industry(AccountKind.Company);
            var voivodeship = _region[0];
            var cities = Catalogue.Cities.Where(c => c.Voivodeship == voivodeship).ToList();
            bool Matches(Account a) => a.Data.Industry == industry && a.Data.Voivodeship == voivodeship;

            // At least four current members and one former client the segment must leave out.
            var candidates = Shuffle(_accounts.Where(a => a.Data.Kind == AccountKind.Company && !avoid.Contains(a.Id) && !Matches(a)).ToList());
            var next = 0;
            while (_accounts.Count(a => Matches(a) && a.Data.Status != AccountStatus.Former) < 4 && next < candidates.Count)
            {
                Move(candidates[next++], industry, cities, candidates[next - 1].Data.Status == AccountStatus.Former ? AccountStatus.Prospect : null);
            }

            if (!_accounts.Any(a => Matches(a) && a.Data.Status == AccountStatus.Former) && next < candidates.Count)
            {
                Move(candidates[next], industry, cities, AccountStatus.Former);
            }

            var product = _products[Random.Int(0, _products.Count - 1)];
            return new SegmentSpec(
                $"{industry} – {voivodeship}", $"kampania produktu „{product.Name}”", industry, voivodeship, AccountStatus.Former);
        }

        private void Move(Account account, string industry, List<City> cities, AccountStatus? status)
        {
            var city = cities[Random.Int(0, cities.Count - 1)];
            Replace(account, account with
            {
                Data = account.Data with
                {
                    Industry = industry, City = city.Name, Voivodeship = city.Voivodeship, PostalCode = PostalCode(city), Status = status ?? account.Data.Status,
                },
            });
        }

        private NewAccountSpec NewAccount(string avoidIndustry)
        {
            var industries = _theme.Industries.Where(i => i != avoidIndustry && i != "Administracja publiczna").ToList();
            var industry = industries[Random.Int(0, industries.Count - 1)];
            var city = RegionCity();
            var name = AccountName(AccountKind.Company, industry, city)!;
            var domain = Slug(ShortName(name)) + ".pl";
            var (first, last) = PersonName();
            var data = new AccountData(
                name, AccountKind.Company, industry, NewNip(), Street(), PostalCode(city), city.Name, city.Voivodeship, Phone(), "biuro@" + domain,
                "www." + domain, Random.Int(10, 250), AccountStatus.Prospect);
            var contact = new ContactData(
                first, last, Catalogue.CompanyPositions[Random.Int(0, Catalogue.CompanyPositions.Count - 1)], $"{Slug(first)}.{Slug(last)}@{domain}", Phone());
            return new NewAccountSpec(data, contact);
        }

        private (ImmutableList<AccountFixSpec>, ImmutableList<ContactFixSpec>) MakeFixes(HashSet<string> avoid, SegmentSpec segment)
        {
            var pool = Shuffle(_accounts.Where(a => !avoid.Contains(a.Id) && a.Data.Industry != segment.Industry && a.Data.Status != AccountStatus.Former).ToList());
            var incomplete = pool[0];
            var moved = pool.Skip(1).First(a => a.Data.Kind == AccountKind.Company);
            var withContact = pool.Skip(1).First(a => a.Id != moved.Id && _contacts.Any(c => c.AccountId == a.Id));

            var nip = NewNip();
            var phone = Phone();
            Replace(incomplete, incomplete with { Data = incomplete.Data with { Nip = null, Phone = null } });
            avoid.Add(incomplete.Id);

            var cities = Catalogue.Cities.Where(c => c.Voivodeship == moved.Data.Voivodeship && c.Name != moved.Data.City).ToList();
            var city = cities.Count > 0 ? cities[Random.Int(0, cities.Count - 1)] : RegionCity();
            var street = Street();
            var postal = PostalCode(city);
            avoid.Add(moved.Id);

            var contact = _contacts.First(c => c.AccountId == withContact.Id);
            var position = Catalogue.PromotedPositions[Random.Int(0, Catalogue.PromotedPositions.Count - 1)];
            var domain = (contact.Data.Email ?? "x@" + Slug(ShortName(withContact.Data.Name)) + ".pl").Split('@')[1];
            var email = $"{Slug(contact.Data.FirstName)[..1]}.{Slug(contact.Data.LastName)}@{domain}";
            avoid.Add(withContact.Id);

            return (
                [
                    new AccountFixSpec(incomplete.Id, "w danych klienta brakuje NIP i numeru telefonu", [new("nip", "NIP", nip), new("phone", "Telefon", phone)]),
                    new AccountFixSpec(moved.Id, "klient przeniósł siedzibę",
                        [new("street", "Ulica i numer", street), new("postalCode", "Kod pocztowy", postal), new("city", "Miejscowość", city.Name)]),
                ],
                [
                    new ContactFixSpec(contact.Id, "osoba awansowała i ma nowy adres e-mail",
                        [new("position", "Stanowisko", position), new("contactEmail", "E-mail", email)]),
                ]);
        }

        private ReassignSpec MakeReassign(Opportunity opportunity, HashSet<string> avoid)
        {
            var right = Shuffle(_accounts.Where(a =>
                !avoid.Contains(a.Id) && a.Id != opportunity.Details.AccountId && a.Data.Status != AccountStatus.Former && _contacts.Any(c => c.AccountId == a.Id)).ToList())[0];
            avoid.Add(right.Id);

            // The opportunity was meant for the right client and is named after it; only its account was entered wrongly.
            _names.Remove("opp:" + opportunity.Details.Name);
            Update(opportunity, o => o with { Details = o.Details with { Name = OpportunityName(right) } });
            return new ReassignSpec(opportunity.Id, opportunity.Details.AccountId, right.Id, FirstContact(right.Id)!.Id);
        }

        private OfferSpec MakeOffer(Opportunity opportunity)
        {
            var contact = FirstContact(opportunity.Details.AccountId)!;
            if (contact.Data.Email is null)
            {
                var domain = Slug(ShortName(FindAccount(opportunity.Details.AccountId).Data.Name)) + ".pl";
                var withEmail = contact with { Data = contact.Data with { Email = $"{Slug(contact.Data.FirstName)}.{Slug(contact.Data.LastName)}@{domain}" } };
                _contacts[_contacts.IndexOf(contact)] = withEmail;
                contact = withEmail;
            }

            var products = Shuffle(_products.ToList()).Take(2).ToList();
            var lines = products.Select(p => new OfferLineSpec(p.Id, p.NetPrice < 200 ? Random.Int(10, 40) : Random.Int(1, 5))).ToImmutableList();
            return new OfferSpec(
                "Oferta standardowa", opportunity.Details.AccountId, contact.Id, opportunity.Id, lines, 30,
                ["klient.nazwa", "kontakt.imie_nazwisko|kontakt.nazwisko", "oferta.suma_brutto|oferta.suma_netto", "oferta.wazna_do"]);
        }

        private ImmutableList<StageAssignmentSpec> MakeStageAssignments(HashSet<string> targetOpportunities, HashSet<string> taken)
        {
            var result = ImmutableList.CreateBuilder<StageAssignmentSpec>();
            var others = _opportunities.Where(o => o.Status == OpportunityStatus.Open && !targetOpportunities.Contains(o.Id)).ToList();
            // Tasks of opportunities at different stages where there are such, so the assignments are not all alike.
            var picked = Shuffle(others).GroupBy(o => o.StageId).Select(g => g.First()).Concat(others).Distinct().Take(3).ToList();
            foreach (var opportunity in picked)
            {
                var task = _tasks.FirstOrDefault(t => t.Data.OpportunityId == opportunity.Id && t.Data.StageId is null && t.Status != CrmTaskStatus.Done && !taken.Contains(t.Id))
                    ?? AddTask(FindAccount(opportunity.Details.AccountId), opportunity, _today.AddDays(Random.Int(2, 20)), CrmTaskStatus.ToDo, 0, Priority(), null);
                taken.Add(task.Id);
                result.Add(new StageAssignmentSpec(task.Id, _main.Id, opportunity.StageId));
            }

            return result.ToImmutable();
        }

        private ImmutableList<PrioritySpec> MakePriorities(HashSet<string> taken)
        {
            var pool = Shuffle(_tasks.Where(t => t.Status != CrmTaskStatus.Done && t.Data.DueDate >= _today && !taken.Contains(t.Id)).ToList());
            (TaskPriority Priority, string Reason)[] wanted =
            [
                (TaskPriority.Urgent, "klient czeka na odpowiedź jeszcze dziś"),
                (TaskPriority.High, "dotyczy klienta o dużej wartości sprzedaży"),
                (TaskPriority.Low, "można je wykonać po zamknięciu bieżących negocjacji"),
            ];
            var result = ImmutableList.CreateBuilder<PrioritySpec>();
            for (var i = 0; i < wanted.Length; i++)
            {
                var task = i < pool.Count
                    ? pool[i]
                    : AddTask(_accounts[Random.Int(0, _accounts.Count - 1)], null, _today.AddDays(Random.Int(1, 14)), CrmTaskStatus.ToDo, 0, TaskPriority.Normal, null);
                ReplaceTask(task, task with { Data = task.Data with { Priority = TaskPriority.Normal } });
                taken.Add(task.Id);
                result.Add(new PrioritySpec(task.Id, wanted[i].Priority, wanted[i].Reason));
            }

            return result.ToImmutable();
        }

        private ImmutableList<QuestionSpec> MakeQuestions(HashSet<string> taken)
        {
            var offerStage = _main.Stages[2];
            var negotiation = _main.Stages[3];
            var offerOpportunities = _opportunities.Where(o => o.Status == OpportunityStatus.Open && o.StageId == offerStage.Id).ToList();

            // The stage asked about has done and unfinished tasks, so counting needs reading the statuses.
            if (!_tasks.Any(t => t.Data.StageId == offerStage.Id && t.Status == CrmTaskStatus.Done))
            {
                var o = offerOpportunities[0];
                AddTask(FindAccount(o.Details.AccountId), o, _today.AddDays(-Random.Int(1, 8)), CrmTaskStatus.Done, 100, Priority(), offerStage.Id);
            }

            if (!_tasks.Any(t => t.Data.StageId == offerStage.Id && t.Status != CrmTaskStatus.Done))
            {
                var o = offerOpportunities[^1];
                AddTask(FindAccount(o.Details.AccountId), o, _today.AddDays(Random.Int(1, 10)), CrmTaskStatus.InProgress, 50, Priority(), offerStage.Id);
            }

            var inProgress = _tasks.FirstOrDefault(t => t.Status == CrmTaskStatus.InProgress && !taken.Contains(t.Id))
                ?? AddTask(_accounts[Random.Int(0, _accounts.Count - 1)], null, _today.AddDays(Random.Int(1, 10)), CrmTaskStatus.InProgress, Random.Int(2, 8) * 10, Priority(), null);
            taken.Add(inProgress.Id);

            return
            [
                new QuestionSpec("P1", "2.1.3", QuestionKind.DoneTasksInStage, offerStage.Id,
                    $"Ile zadań przypisanych do etapu „{offerStage.Name}” lejka „{_main.Name}” ma status „Zakończone”?"),
                new QuestionSpec("P2", "2.1.3", QuestionKind.TaskProgress, inProgress.Id,
                    $"Jaki jest stopień realizacji (w %) zadania „{inProgress.Data.Title}”?"),
                new QuestionSpec("P3", "2.1.4", QuestionKind.OpenValueInStage, negotiation.Id,
                    $"Jaka jest łączna wartość otwartych szans sprzedaży na etapie „{negotiation.Name}” lejka „{_main.Name}”?"),
                new QuestionSpec("P4", "2.1.4", QuestionKind.OpenValueInStage, offerStage.Id,
                    $"Jaka jest łączna wartość otwartych szans sprzedaży na etapie „{offerStage.Name}” lejka „{_main.Name}”?"),
            ];
        }

        private ScenarioBrief MakeBrief(Seller seller, Exercise exercise)
        {
            var open = _opportunities.Where(o => o.Status == OpportunityStatus.Open).ToList();
            var quarterStart = new DateOnly(_today.Year, (_today.Month - 1) / 3 * 3 + 1, 1);
            var goalDate = quarterStart.AddMonths(3).AddDays(-1);
            if (goalDate.DayNumber - _today.DayNumber < 30)
            {
                goalDate = quarterStart.AddMonths(6).AddDays(-1);
            }

            var situation =
                $"Pracujesz jako specjalista ds. sprzedaży w firmie {seller.Name} ({seller.City}). Sprzedajesz {_theme.Offering} {_theme.Audience}, " +
                $"głównie w województwach: {string.Join(", ", _region.Select(PlText.Locative))}. Dziś jest {PlFormat.DayAndDate(_today)}. " +
                $"W systemie CRM jest {PlFormat.Count(_accounts.Count)} klientów, lejek „{_main.Name}” z {PlFormat.Count(open.Count)} otwartymi szansami " +
                $"o łącznej wartości {PlFormat.Money(open.Sum(o => o.Details.Value))} oraz bieżące zadania zespołu. " +
                $"Część danych jest niekompletna lub nieaktualna.";
            return new ScenarioBrief(
                $"{seller.Name}: praca z systemem CRM",
                situation,
                [
                    $"Do {PlFormat.LongDate(goalDate)} pozyskać 5 nowych klientów z branży „{exercise.Segment.Industry}” w województwie {PlText.Locative(exercise.Segment.Voivodeship)}.",
                    $"Do {PlFormat.LongDate(goalDate)} zwiększyć wartość wygranych szans o 20% względem poprzedniego kwartału.",
                    "Każdy aktywny klient ma w CRM NIP, telefon i osobę kontaktową z adresem e-mail.",
                    "Każda otwarta szansa ma zaplanowane zadanie na najbliższe dwa tygodnie.",
                ]);
        }

        private CrmTask AddTask(Account account, Opportunity? opportunity, DateOnly due, CrmTaskStatus status, int progress, TaskPriority priority, string? stageId)
        {
            var contact = FirstContact(account.Id);
            var person = contact is null ? account.Data.Name : $"{contact.Data.FirstName} {contact.Data.LastName}";
            var title = "";
            for (var attempt = 0; attempt < 20 && (title.Length == 0 || _taskTitles.Contains(title)); attempt++)
            {
                title = string.Format(System.Globalization.CultureInfo.InvariantCulture, Catalogue.TaskTitles[Random.Int(0, Catalogue.TaskTitles.Count - 1)], ShortName(account.Data.Name), person);
            }

            for (var n = 2; _taskTitles.Contains(title); n++)
            {
                title = $"{title} ({PlFormat.Count(n)})";
            }

            _taskTitles.Add(title);
            var created = (due < _today ? due : _today).AddDays(-Random.Int(1, 20));
            var task = new CrmTask(
                SandboxState.Id("tsk", _tasks.Count + 1),
                new CrmTaskData(title, due, priority, account.Id, opportunity?.Id, stageId is null ? null : _main.Id, stageId, null),
                status, progress, At(created), "import");
            _tasks.Add(task);
            return task;
        }

        private (CrmTaskStatus, int) Progress(DateOnly due)
        {
            var roll = Random.Int(1, 100);
            if (due < _today)
            {
                return roll <= 70 ? (CrmTaskStatus.Done, 100) : roll <= 90 ? (CrmTaskStatus.InProgress, Random.Int(1, 9) * 10) : (CrmTaskStatus.ToDo, 0);
            }

            return roll <= 15 ? (CrmTaskStatus.InProgress, Random.Int(1, 9) * 10) : (CrmTaskStatus.ToDo, 0);
        }

        private TaskPriority Priority()
        {
            var roll = Random.Int(1, 100);
            return roll <= 20 ? TaskPriority.Low : roll <= 70 ? TaskPriority.Normal : roll <= 95 ? TaskPriority.High : TaskPriority.Urgent;
        }

        private Opportunity CompleteCurrentStage(Opportunity o) => o with
        {
            Activities = o.Activities.Select(a => a.StageId == o.StageId && !a.Done ? a with { Done = true, DoneAt = At(_today.AddDays(-1)) } : a).ToImmutableList(),
        };

        private Opportunity Update(Opportunity opportunity, Func<Opportunity, Opportunity> change)
        {
            var updated = change(opportunity);
            _opportunities[_opportunities.FindIndex(o => o.Id == opportunity.Id)] = updated;
            return updated;
        }

        private void Replace(Account account, Account updated) => _accounts[_accounts.FindIndex(a => a.Id == account.Id)] = updated;

        private void ReplaceTask(CrmTask task, CrmTask updated) => _tasks[_tasks.FindIndex(t => t.Id == task.Id)] = updated;

        private Account FindAccount(string id) => _accounts.First(a => a.Id == id);

        private Contact? FirstContact(string accountId) => _contacts.FirstOrDefault(c => c.AccountId == accountId);

        private string OpportunityName(Account account)
        {
            var name = $"{_theme.OpportunityNoun} {ShortName(account.Data.Name)}";
            for (var n = 2; !_names.Add("opp:" + name); n++)
            {
                name = $"{_theme.OpportunityNoun} {ShortName(account.Data.Name)} ({PlFormat.Count(n)})";
            }

            return name;
        }

        private decimal OpportunityValue()
        {
            var value = 0m;
            var lines = Random.Int(1, 3);
            for (var i = 0; i < lines; i++)
            {
                var product = _products[Random.Int(0, _products.Count - 1)];
                value += product.NetPrice * (product.NetPrice < 200 ? Random.Int(10, 60) : Random.Int(1, 8));
            }

            return Math.Max(1000m, Math.Round(value / 100m) * 100m);
        }

        /// <summary>A name no account has yet; null when the town's municipality or its public bodies already are accounts.</summary>
        private string? AccountName(AccountKind kind, string industry, City city)
        {
            for (var attempt = 0; attempt < 50; attempt++)
            {
                var name = kind switch
                {
                    AccountKind.Municipality => $"Gmina {city.Name}",
                    AccountKind.Institution => industry switch
                    {
                        "Edukacja" => $"Szkoła Podstawowa nr {PlFormat.Count(Random.Int(1, 40))}, {city.Name}",
                        "Ochrona zdrowia" => $"Przychodnia Miejska nr {PlFormat.Count(Random.Int(1, 12))}, {city.Name}",
                        _ => Random.Bool() ? $"Powiatowy Urząd Pracy, {city.Name}" : $"Centrum Usług Wspólnych, {city.Name}",
                    },
                    _ => Random.Int(1, 4) switch
                    {
                        1 => $"{Stem()} sp. z o.o.",
                        2 => $"{Stem()} {LastName(false)} sp. j.",
                        3 => $"{Stem()} S.A.",
                        _ => $"P.H.U. {Stem()} {LastName(false)}",
                    },
                };
                if (_names.Add(PlText.Key(name)))
                {
                    return name;
                }

                if (kind == AccountKind.Municipality || (kind == AccountKind.Institution && attempt >= 10))
                {
                    return null;
                }
            }

            throw new InvalidOperationException("No unique account name could be drawn.");
        }

        private string Stem() =>
            Catalogue.CompanyStems[Random.Int(0, Catalogue.CompanyStems.Count - 1)] + Catalogue.CompanySuffixes[Random.Int(0, Catalogue.CompanySuffixes.Count - 1)];

        private (string First, string Last) PersonName()
        {
            var female = Random.Bool();
            var names = female ? Catalogue.FemaleNames : Catalogue.MaleNames;
            return (names[Random.Int(0, names.Count - 1)], LastName(female));
        }

        /// <summary>A Bogus Polish surname, in its feminine form for a woman where Polish has one (Kowalski → Kowalska).</summary>
        private string LastName(bool female)
        {
            var last = _faker.Name.LastName();
            if (female && last.EndsWith('i') && (last.EndsWith("ski", StringComparison.Ordinal) || last.EndsWith("cki", StringComparison.Ordinal) || last.EndsWith("dzki", StringComparison.Ordinal)))
            {
                return last[..^1] + "a";
            }

            return last;
        }

        private City RegionCity()
        {
            var cities = Catalogue.Cities.Where(c => _region.Contains(c.Voivodeship)).ToList();
            return cities[Random.Int(0, cities.Count - 1)];
        }

        private string Street() =>
            $"ul. {Catalogue.Streets[Random.Int(0, Catalogue.Streets.Count - 1)]} {PlFormat.Count(Random.Int(1, 120))}" +
            (Random.Bool(0.2f) ? "/" + PlFormat.Count(Random.Int(1, 30)) : "");

        private string PostalCode(City city) => $"{city.PostalPrefix}-{Random.Int(0, 999).ToString("000", System.Globalization.CultureInfo.InvariantCulture)}";

        private string Phone() => $"+48 {PlFormat.Count(Random.Int(5, 8))}{Random.ReplaceNumbers("## ### ###")}";

        private string NewNip()
        {
            int[] weights = [6, 5, 7, 2, 3, 4, 5, 6, 7];
            while (true)
            {
                var digits = Enumerable.Range(0, 9).Select(i => i == 0 ? Random.Int(1, 9) : Random.Int(0, 9)).ToArray();
                var check = digits.Select((d, i) => d * weights[i]).Sum() % 11;
                var nip = string.Concat(digits) + PlFormat.Count(check);
                if (check < 10 && _nips.Add(nip))
                {
                    return nip;
                }
            }
        }

        /// <summary>A Fisher–Yates shuffle on the scenario's randomizer, so the order depends on the seed alone.</summary>
        private List<T> Shuffle<T>(List<T> items)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = Random.Int(0, i);
                (items[i], items[j]) = (items[j], items[i]);
            }

            return items;
        }

        private DateTime At(DateOnly day) => day.ToDateTime(new TimeOnly(Random.Int(8, 16), Random.Int(0, 59)));

        private static int Number(string id) => int.Parse(id[(id.IndexOf('-', StringComparison.Ordinal) + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>The account's name without its legal form: "Ekomar sp. z o.o." → "Ekomar", for opportunity and task titles.</summary>
    public static string ShortName(string name)
    {
        foreach (var form in new[] { " sp. z o.o.", " sp. j.", " S.A." })
        {
            if (name.EndsWith(form, StringComparison.Ordinal))
            {
                return name[..^form.Length];
            }
        }

        return name.StartsWith("P.H.U. ", StringComparison.Ordinal) ? name["P.H.U. ".Length..] : name;
    }

    /// <summary>Lower-case ASCII letters and digits only, for e-mail addresses and domains: "Gmina Kórnik" → "gminakornik".</summary>
    public static string Slug(string text) => string.Concat(PlText.Ascii(text).ToLowerInvariant().Where(char.IsAsciiLetterOrDigit));
}

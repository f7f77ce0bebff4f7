using Incubator.BuildingBlocks.Application;
using Incubator.Funding.Contracts;
using Incubator.Funding.Domain;

namespace Incubator.Funding.Tests;

public sealed class AgreementRulesTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 9, 0, 0, TimeSpan.Zero);

    private static FundingAgreement Agreement(decimal amount = 30000m, params TranchePlan[] tranches) =>
        FundingAgreement.Sign(Guid.NewGuid(), Guid.NewGuid(), amount, new DateOnly(2026, 11, 2), "CONV-2026-14",
            tranches.Length == 0 ? [new TranchePlan(20000m, new DateOnly(2027, 1, 15)), new TranchePlan(10000m, new DateOnly(2027, 6, 15))] : tranches,
            [new ReportPlan("Bilan final", new DateOnly(2028, 6, 30))], Today, Now);

    [Fact]
    public void Given_tranches_that_do_not_add_up_When_signing_Then_the_tranches_are_refused()
    {
        var error = Assert.Throws<DomainException>(() => Agreement(30000m, new TranchePlan(20000m, new DateOnly(2027, 1, 15)), new TranchePlan(9999.99m, new DateOnly(2027, 6, 15))));
        Assert.Equal("tranches", error.Field);
        Assert.Equal("tranches[1].amount", Assert.Throws<DomainException>(() => Agreement(30000m, new TranchePlan(30000m, new DateOnly(2027, 1, 15)), new TranchePlan(0m, new DateOnly(2027, 6, 15)))).Field);
        Assert.Equal("amount", Assert.Throws<DomainException>(() => Agreement(100.001m, new TranchePlan(100.001m, new DateOnly(2027, 1, 15)))).Field);
    }

    [Fact]
    public void Given_tranches_in_any_order_When_signing_Then_they_are_numbered_by_due_date()
    {
        var agreement = Agreement(30000m, new TranchePlan(10000m, new DateOnly(2027, 6, 15)), new TranchePlan(20000m, new DateOnly(2027, 1, 15)));

        Assert.Equal([(0, 20000m), (1, 10000m)], agreement.Tranches.Select(t => (t.Index, t.Amount)));
    }

    [Fact]
    public void Given_a_tranche_When_received_Then_once_only_not_in_the_future_and_announced()
    {
        var agreement = Agreement();

        Assert.Equal("receivedOn", Assert.Throws<DomainException>(() => agreement.ReceiveTranche(0, Today.AddDays(1), Today, Now)).Field);
        Assert.Equal("receivedOn", Assert.Throws<DomainException>(() => agreement.ReceiveTranche(0, new DateOnly(2026, 10, 1), Today, Now)).Field);
        agreement.ReceiveTranche(0, Today, Today, Now);
        Assert.Throws<ConflictException>(() => agreement.ReceiveTranche(0, Today, Today, Now));
        Assert.Throws<NotFoundException>(() => agreement.ReceiveTranche(7, Today, Today, Now));

        Assert.Equal(20000m, agreement.Received);
        var received = Assert.IsType<TrancheReceived>(Assert.Single(agreement.PendingEvents));
        Assert.Equal((0, 20000m, Today), (received.Index, received.Amount, received.ReceivedOn));
    }

    [Fact]
    public void Given_deadlines_When_days_pass_Then_a_reminder_30_days_before_and_one_7_days_before_each_once()
    {
        var agreement = Agreement();
        var sent = new List<(DateOnly Day, string Label, int Days)>();
        for (var day = Today; day <= new DateOnly(2027, 7, 1); day = day.AddDays(1))
        {
            foreach (var reminder in agreement.DueReminders(day).ToList())
            {
                reminder.Mark();
                sent.Add((day, reminder.Label, reminder.Days));
            }

            if (day == new DateOnly(2027, 1, 10))
            {
                agreement.ReceiveTranche(0, day, day, Now); // paid before its due date: no more reminder for it
            }
        }

        Assert.Equal(
        [
            (new DateOnly(2026, 12, 16), "Tranche 1", 30),
            (new DateOnly(2027, 1, 8), "Tranche 1", 7),
            (new DateOnly(2027, 5, 16), "Tranche 2", 30),
            (new DateOnly(2027, 6, 8), "Tranche 2", 7),
        ], sent);
    }

    [Fact]
    public void Given_a_deadline_already_within_a_week_When_first_checked_Then_only_the_7_day_reminder_is_sent()
    {
        var agreement = Agreement(5000m, new TranchePlan(5000m, Today.AddDays(5)));

        var due = Assert.Single(agreement.DueReminders(Today));
        Assert.Equal(7, due.Days);
        due.Mark();
        Assert.Empty(agreement.DueReminders(Today.AddDays(1)));
    }
}

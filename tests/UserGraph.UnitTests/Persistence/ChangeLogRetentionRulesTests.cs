using CsCheck;
using UserGraph.Silo;

namespace UserGraph.UnitTests.Persistence;

/// <summary>The retention's pure rules: which days exist, which are dropped, and partition names.</summary>
public class ChangeLogRetentionRulesTests
{
    private static readonly Gen<DateOnly> Day = Gen.Int[0, 40_000].Select(d => new DateOnly(2000, 1, 1).AddDays(d));

    [Fact]
    public void A_day_is_dropped_only_once_every_change_in_it_is_older_than_the_retention() =>
        Gen.Select(Day, Gen.Int[0, 3 * 86_400 * 10], Gen.Int[1, 30]).Sample((day, secondsAfterDayStart, retentionDays) =>
        {
            var now = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(secondsAfterDayStart);
            var retention = TimeSpan.FromDays(retentionDays);
            var lastChangeOfTheDay = new DateTimeOffset(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddTicks(-1);
            return ChangeLogRetention.IsExpired(day, now, retention) == (now - lastChangeOfTheDay > retention);
        });

    [Fact]
    public void Today_is_never_dropped_and_the_days_ahead_are_created() =>
        Gen.Select(Day, Gen.Int[0, 86_399], Gen.Int[1, 30], Gen.Int[0, 10]).Sample((today, second, retentionDays, ahead) =>
        {
            var now = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddSeconds(second);
            var created = ChangeLogRetention.DaysToCreate(today, ahead).ToList();
            return created.Count == ahead + 1 && created[0] == today && created[^1] == today.AddDays(ahead)
                && created.All(d => !ChangeLogRetention.IsExpired(d, now, TimeSpan.FromDays(retentionDays)));
        });

    [Fact]
    public void Partition_names_round_trip_and_other_tables_are_not_partitions()
    {
        Day.Sample(day => ChangeLogRetention.DayOf(ChangeLogRetention.PartitionName(day)) == day);
        Gen.String.Sample(name => ChangeLogRetention.DayOf(name) is not { } day || ChangeLogRetention.PartitionName(day) == name);
        Assert.Null(ChangeLogRetention.DayOf("graph_changes_horizon"));
        Assert.Null(ChangeLogRetention.DayOf("graph_changes_p20261332"));
    }
}

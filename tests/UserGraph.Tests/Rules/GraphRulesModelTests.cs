using CsCheck;
using UserGraph.Grains.Interfaces;
using UserGraph.Tests.Infrastructure;
using Xunit.Abstractions;

namespace UserGraph.Tests.Rules;

/// <summary>
/// Model-based: random sequences of follow, hide, block and connection actions by four users, on
/// a three-silo cluster with activations placed at random, checked after every step, from every
/// user's grain, against <see cref="GraphRulesModel"/>. CsCheck generates the sequences and
/// shrinks a failing one; each run uses fresh users, so runs never see one another.
/// </summary>
[Collection(Consistency.BurstCollection.Name)]
public class GraphRulesModelTests(ThreeSiloClusterFixture fixture, ITestOutputHelper output) : IClassFixture<ThreeSiloClusterFixture>
{
    private const int Users = 4;

    // Blocks and connection actions weigh more: they are where the rules interact.
    private static readonly Gen<GraphAction> Actions = Gen.Frequency(
        (3, Gen.OneOf(Gen.Const(GraphAction.Follow), Gen.Const(GraphAction.Unfollow))),
        (1, Gen.OneOf(Gen.Const(GraphAction.Hide), Gen.Const(GraphAction.Unhide))),
        (3, Gen.OneOf(Gen.Const(GraphAction.Block), Gen.Const(GraphAction.Unblock))),
        (4, Gen.Enum<GraphAction>().Where(action => action >= GraphAction.Request)));

    private static readonly Gen<(GraphAction Action, int Actor, int Other)[]> Sequences =
        Gen.Select(Actions, Gen.Int[0, Users - 1], Gen.Int[1, Users - 1])
            .Select(step => (step.Item1, step.Item2, (step.Item2 + step.Item3) % Users))
            .Array[1, 14];

    [Fact]
    public async Task Every_step_of_random_action_sequences_matches_the_model_from_every_user()
    {
        var iterations = int.TryParse(Environment.GetEnvironmentVariable("MODEL_RUNS"), out var runs) ? runs : 40;
        var steps = 0;
        await Sequences.SampleAsync(
            async sequence =>
            {
                var ids = Enumerable.Range(0, Users).Select(_ => TestUsers.NewId()).ToArray();
                var model = new GraphRulesModel();
                foreach (var (action, actor, other) in sequence)
                {
                    var expected = model.Apply(action, actor, other);
                    var actual = await ActAsync(fixture.Grains.GetGrain<IUserGraphGrain>(ids[actor]), action, ids[other]);
                    Assert.True(expected == actual, $"{action} by user {actor} toward {other}: expected {expected}, got {actual}");
                    await CheckAsync(model, ids);
                    Interlocked.Increment(ref steps);
                }
            },
            iter: iterations,
            threads: 1,
            print: sequence => string.Join(", ", sequence.Select(s => $"{s.Action}({s.Actor}→{s.Other})")));
        output.WriteLine($"{iterations} sequences, {steps} steps, each checked from all {Users} users");
    }

    private async Task CheckAsync(GraphRulesModel model, long[] ids)
    {
        for (var user = 0; user < Users; user++)
        {
            var others = Enumerable.Range(0, Users).Where(other => other != user).ToArray();
            var grain = fixture.Grains.GetGrain<IUserGraphGrain>(ids[user]);
            var relationships = await grain.GetRelationshipsAsync([.. others.Select(other => ids[other])]);
            for (var i = 0; i < others.Length; i++)
            {
                Assert.Equal(model.Expected(user, others[i], index => ids[index]), relationships[i]);
            }

            Assert.Equal(model.ExpectedCounters(user, Users), await grain.GetCountersAsync());
        }
    }

    private static async Task<GraphRulesModel.Outcome> ActAsync(IUserGraphGrain actor, GraphAction action, long other)
    {
        try
        {
            var written = action switch
            {
                GraphAction.Follow => (await actor.ChangeFollowAsync(other, EdgeChange.Add)).MirrorPending,
                GraphAction.Unfollow => (await actor.ChangeFollowAsync(other, EdgeChange.Remove)).MirrorPending,
                GraphAction.Hide => (await actor.ChangeHideAsync(other, EdgeChange.Add)).MirrorPending,
                GraphAction.Unhide => (await actor.ChangeHideAsync(other, EdgeChange.Remove)).MirrorPending,
                GraphAction.Block => (await actor.ChangeBlockAsync(other, EdgeChange.Add)).MirrorPending,
                GraphAction.Unblock => (await actor.ChangeBlockAsync(other, EdgeChange.Remove)).MirrorPending,
                GraphAction.Request => (await actor.ActOnConnectionAsync(other, ConnectionAction.Request)).MirrorPending,
                GraphAction.CancelRequest => (await actor.ActOnConnectionAsync(other, ConnectionAction.CancelRequest)).MirrorPending,
                GraphAction.Accept => (await actor.ActOnConnectionAsync(other, ConnectionAction.Accept)).MirrorPending,
                GraphAction.Reject => (await actor.ActOnConnectionAsync(other, ConnectionAction.Reject)).MirrorPending,
                _ => (await actor.ActOnConnectionAsync(other, ConnectionAction.Remove)).MirrorPending,
            };
            Assert.False(written, $"{action}: the mirror was left pending in normal operation");
            return GraphRulesModel.Outcome.Done;
        }
        catch (GraphBlockedException)
        {
            return GraphRulesModel.Outcome.Blocked;
        }
        catch (GraphRuleException)
        {
            return GraphRulesModel.Outcome.Refused;
        }
    }
}

using CsCheck;
using Microsoft.Extensions.Logging.Abstractions;
using UserGraph.Grains;
using UserGraph.Grains.Interfaces;

namespace UserGraph.UnitTests.Grains;

/// <summary>
/// <see cref="GraphPersistence"/> showing mirrors before it stores them, over generated runs of
/// this user's own follows, mirrors from three owners, storage held or failing, and reloads;
/// CsCheck shrinks a failing run to a minimal one.
/// </summary>
public class ShownMirrorPropertyTests
{
    private enum Step
    {
        Follow,
        Mirror,
        Hold,
        Release,
        Fail,
        Heal,
    }

    private static readonly Gen<(Step Step, int Peer, bool Flag)[]> Runs =
        Gen.Select(Gen.Enum<Step>(), Gen.Int[2, 4], Gen.Bool).Array[1, 40];

    [Fact]
    public void Readers_see_every_mirror_at_once_own_facts_only_once_stored_and_a_version_never_names_two_views()
    {
        Runs.Sample(run => new Model().Check(run), iter: 300);
    }

    private sealed class Model
    {
        private readonly long _user = TestUsers.NewId();
        private readonly DeterministicScheduler _scheduler = new();
        private readonly InMemoryGraphJournal _journal = new();
        private readonly InMemoryPersistentState<UserGraphSnapshot> _snapshot;
        private readonly GraphPersistence _persistence;
        // The latest truth each owner sent, and this user's follows that were stored.
        private readonly Dictionary<long, EdgeKinds> _truths = [];
        private readonly Dictionary<long, bool> _storedFollows = [];
        private readonly Dictionary<long, string> _viewsByVersion = [];
        private bool _held;

        public Model()
        {
            _snapshot = new InMemoryPersistentState<UserGraphSnapshot>(_user);
            _persistence = new GraphPersistence(
                _user, new FaultInjectingGraphJournal(_journal), _snapshot, new GraphJournalOptions { MinEntriesBetweenSnapshots = 4 }, new IdleGraphPersistenceOwner(), NullLogger.Instance);
            _scheduler.Run(_persistence.LoadAsync).GetAwaiter().GetResult();
        }

        public void Check((Step Step, int Peer, bool Flag)[] run)
        {
            try
            {
                foreach (var (step, peer, flag) in run)
                {
                    Apply(step, peer, flag);
                    _scheduler.Pump();
                    AssertInvariants();
                }

                // Healed, every owner sends its truth once more, as a delivery does until stored.
                StorageFaults.Heal(_user);
                Release();
                foreach (var (owner, kinds) in _truths.ToArray())
                {
                    _scheduler.Run(() => { _persistence.WriteMirror(owner, new PeerEdges(kinds, null)); });
                }

                _scheduler.Pump();
                AssertInvariants();
                Assert.Same(_persistence.Durable, _persistence.View);
            }
            finally
            {
                StorageFaults.Heal(_user);
                _journal.Release();
            }
        }

        private void Apply(Step step, long peer, bool flag)
        {
            switch (step)
            {
                case Step.Follow:
                    _scheduler.Run(() =>
                    {
                        _persistence.WriteAsync(GraphWrite.Owned(peer, view => view.WithFollowing(peer, flag)))
                            .ContinueWith(t => { if (t.IsCompletedSuccessfully) { _storedFollows[peer] = flag; } }, TaskScheduler.Current);
                    });
                    break;
                case Step.Mirror:
                    var kinds = flag ? EdgeKinds.Follows : EdgeKinds.Hides;
                    _truths[peer] = kinds;
                    _scheduler.Run(() => { Assert.True(_persistence.WriteMirror(peer, new PeerEdges(kinds, null)).Shown); });
                    break;
                case Step.Hold:
                    _journal.Hold();
                    _held = true;
                    break;
                case Step.Release:
                    Release();
                    break;
                case Step.Fail:
                    StorageFaults.FailWritesOf(_user);
                    break;
                case Step.Heal:
                    StorageFaults.Heal(_user);
                    break;
            }
        }

        private void Release()
        {
            if (_held)
            {
                _journal.Release();
                _held = false;
                _scheduler.Pump();
            }
        }

        private void AssertInvariants()
        {
            var view = _persistence.View;
            foreach (var (owner, kinds) in _truths)
            {
                Assert.Equal(kinds.HasFlag(EdgeKinds.Follows), view.Followers.Contains(owner));
                Assert.Equal(kinds.HasFlag(EdgeKinds.Hides), view.HiddenBy.Contains(owner));
            }

            foreach (var (peer, present) in _storedFollows)
            {
                Assert.Equal(present, view.Followings.Contains(peer));
            }

            var content = string.Join(';', view.Followings.Ids.ToArray()) + "|" + string.Join(';', view.Followers.Ids.ToArray()) + "|" + string.Join(';', view.HiddenBy.Ids.ToArray());
            if (_viewsByVersion.TryGetValue(view.Version, out var earlier))
            {
                Assert.Equal(earlier, content);
            }

            _viewsByVersion[view.Version] = content;
        }
    }
}

using UserGraph.Grains.Interfaces;

namespace UserGraph.Tools;

/// <summary>What an offline import is told on the command line.</summary>
/// <param name="Mode">The community's mode when storage has none yet; must agree with storage's when it has one.</param>
/// <param name="BatchUsers">Users written per transaction: the unit of resumption.</param>
public sealed record OfflineImportSettings(
    string ConnectionString,
    string ServiceId,
    string InputPath,
    EdgeFileFormat Format,
    string RejectPath,
    CommunityMode? Mode,
    int BatchUsers = 5000);

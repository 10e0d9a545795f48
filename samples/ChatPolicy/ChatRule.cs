using UserGraph.Grains.Interfaces;

namespace UserGraph.Samples.ChatPolicy;

/// <summary>
/// Who may send whom a private message: users who follow each other, or are connected, and
/// never when either hides the other. Pure, so it is tested without a cluster.
/// </summary>
public static class ChatRule
{
    public static bool AllowsMessage(Relationship senderToRecipient) =>
        (senderToRecipient.IsMutualFollow || senderToRecipient.Connection == ConnectionStatus.Connected)
        && !senderToRecipient.IsHiddenEitherWay;
}

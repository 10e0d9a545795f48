namespace UserGraph.Gateway;

/// <summary>A dead-lettered delivery in the admin list.</summary>
public sealed record WebhookDeadLetterItem(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("message_id")] string MessageId,
    [property: JsonPropertyName("type")] string EventType,
    [property: JsonPropertyName("user_id")] long UserId,
    [property: JsonPropertyName("position")] long Position,
    [property: JsonPropertyName("failed_on")] DateTimeOffset FailedOn,
    [property: JsonPropertyName("last_error")] string LastError)
{
    public static WebhookDeadLetterItem From(WebhookDeadLetter letter) =>
        new(letter.Id, letter.MessageId, letter.EventType, letter.UserId, letter.Position, letter.FailedOn, letter.LastError);
}

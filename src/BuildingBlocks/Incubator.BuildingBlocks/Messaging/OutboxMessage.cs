namespace Incubator.BuildingBlocks.Messaging;

public sealed class OutboxMessage
{
    public const int MaxAttempts = 20;

    private OutboxMessage()
    {
        Type = string.Empty;
        Payload = string.Empty;
    }

    public OutboxMessage(Guid id, string type, string payload, DateTimeOffset occurredAt)
    {
        Id = id;
        Type = type;
        Payload = payload;
        OccurredAt = occurredAt;
        NextAttemptAt = occurredAt;
    }

    public Guid Id { get; private set; }

    public string Type { get; private set; }

    public string Payload { get; private set; }

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public int Attempts { get; private set; }

    public string? LastError { get; private set; }

    public DateTimeOffset? NextAttemptAt { get; private set; }

    /// <summary>Keeps the message with its error; retries back off, and after <see cref="MaxAttempts"/> it waits for an operator.</summary>
    public void MarkFailed(DateTimeOffset now, string error)
    {
        Attempts++;
        LastError = error.Length > 4000 ? error[..4000] : error;
        NextAttemptAt = Attempts >= MaxAttempts
            ? null
            : now.AddSeconds(Math.Min(3600, Math.Pow(2, Attempts)));
    }
}

public sealed class InboxMessage
{
    private InboxMessage()
    {
        Handler = string.Empty;
    }

    public InboxMessage(Guid messageId, string handler, DateTimeOffset handledAt)
    {
        MessageId = messageId;
        Handler = handler;
        HandledAt = handledAt;
    }

    public Guid MessageId { get; private set; }

    public string Handler { get; private set; }

    public DateTimeOffset HandledAt { get; private set; }
}

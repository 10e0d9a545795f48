using System.Buffers.Binary;
using System.Buffers.Text;

namespace UserGraph.Gateway;

/// <summary>
/// The change feed's cursor as clients see it: an opaque token (a prefix and the position's bytes
/// in base64url), so that clients store it rather than compute with it, and the encoding may change.
/// </summary>
public static class ChangeCursor
{
    private const string Prefix = "gc1_";

    public static string Format(long position)
    {
        Span<byte> bytes = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64BigEndian(bytes, position);
        return Prefix + Base64Url.EncodeToString(bytes);
    }

    /// <summary>Reads a cursor this API handed out; anything else (any text at all) is refused.</summary>
    public static bool TryParse(string? text, out long position)
    {
        position = 0;
        if (text is null || !text.StartsWith(Prefix, StringComparison.Ordinal) || text.Length != Prefix.Length + 11)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[9];
        if (Base64Url.DecodeFromChars(text.AsSpan(Prefix.Length), bytes, out var consumed, out var written) != System.Buffers.OperationStatus.Done
            || consumed != 11 || written != sizeof(long))
        {
            return false;
        }

        position = BinaryPrimitives.ReadInt64BigEndian(bytes);
        // Canonical only: one cursor per position, so a cursor cannot be tampered into another spelling.
        return position >= 0 && Format(position) == text;
    }
}

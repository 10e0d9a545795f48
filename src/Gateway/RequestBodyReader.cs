using System.Buffers;

namespace UserGraph.Gateway;

/// <summary>Reads a whole request body into memory, refusing one over a size limit or badly framed.</summary>
internal static class RequestBodyReader
{
    /// <returns>The body, or <c>null</c> when it is larger than <paramref name="maxBytes"/>.</returns>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
        {
            return null;
        }

        var initialSize = (int)Math.Min(request.ContentLength ?? 4096, maxBytes) + 1;
        var buffer = ArrayPool<byte>.Shared.Rent(initialSize);
        try
        {
            var length = 0;
            while (true)
            {
                if (length == buffer.Length)
                {
                    if (length > maxBytes)
                    {
                        return null;
                    }

                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, maxBytes + 1));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await ReadChunkAsync(request, buffer.AsMemory(length), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                length += read;
                if (length > maxBytes)
                {
                    return null;
                }
            }

            return buffer.AsSpan(0, length).ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <remarks>
    /// Kestrel reports some framing errors as a plain <see cref="IOException"/> (a chunk size that
    /// overflows: "Bad chunk size data"), which would otherwise be answered as a server fault.
    /// </remarks>
    private static async ValueTask<int> ReadChunkAsync(HttpRequest request, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        try
        {
            return await request.Body.ReadAsync(buffer, cancellationToken);
        }
        catch (IOException framing) when (framing is not BadHttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            throw new BadHttpRequestException("The request body is not well framed.", StatusCodes.Status400BadRequest, framing);
        }
    }
}

using System.Globalization;

namespace UserGraph.Gateway;

/// <summary>
/// A user id from a route's <c>{id}</c>, bound once by the framework for every endpoint that acts
/// on another user. A value that is not one answers 400 before the handler runs (the problem
/// names it: see <see cref="GatewayProblems"/>).
/// </summary>
public readonly record struct UserId(long Value)
{
    public static bool TryParse(string? text, IFormatProvider? provider, out UserId id)
    {
        var parsed = UserIds.TryParse(text, out var value);
        id = new UserId(value);
        return parsed;
    }

    public override string ToString() => Value.ToString(CultureInfo.InvariantCulture);
}

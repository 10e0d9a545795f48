using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CsCheck;
using Microsoft.IdentityModel.Tokens;
using UserGraph.Tests.Infrastructure;

namespace UserGraph.Tests.Gateway;

/// <summary>Generators of what a hostile or clumsy client sends: text, JSON, bodies, paths, tokens.</summary>
public static class HostileInputs
{
    private static readonly string[] Awkward =
    [
        "", " ", "0", "-1", "+1", "01", "1.5", "1e3", "0x1F", "NaN", "Infinity", "null", "true", "[]", "{}",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "99999999999999999999999999",
        "%", "%zz", "%00", "%2F", "%2e%2e", "..", ".", "a/b", "\u00e9", "\ud83d\ude00", "\ud800", "a\u0000b", "<script>", "'", "\"", "\\",
    ];

    /// <summary>Text a client might put anywhere: awkward classics, numbers, random Unicode, long digit runs.</summary>
    public static readonly Gen<string> Text = Gen.Frequency(
        (3, Gen.OneOf(Awkward)),
        (2, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.String[0, 24]),
        (1, Gen.Char['0', '9'].Array[1, 40].Select(digits => new string(digits))));

    /// <summary>Printable ASCII: what an HTTP header can carry.</summary>
    public static readonly Gen<string> HeaderText = Gen.Char[' ', '~'].Array[0, 40].Select(chars => new string(chars).Trim());

    public static readonly Gen<string?> ContentType = Gen.Frequency(
        (6, Gen.OneOf<string?>(
            "application/json", "application/json; charset=utf-8", "application/json; charset=latin1", "APPLICATION/JSON",
            "application/problem+json", "text/json", "text/plain", "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x", "application/xml", "", ";", "application/json; charset=")),
        (1, Gen.Const(default(string))),
        (1, HeaderText.Select(text => (string?)text)));

    public static readonly Gen<string?> Accept = Gen.Frequency(
        (6, Gen.OneOf<string?>(
            null, "*/*", "application/json", "application/problem+json", "text/html", "application/xml", "text/plain",
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", "application/json;q=0", "image/*", "")),
        (1, HeaderText.Select(text => (string?)text)));

    /// <summary>Any JSON value up to <paramref name="depth"/> levels, some of it not quite JSON.</summary>
    public static Gen<string> Json(int depth)
    {
        var leaf = Gen.Frequency(
            (3, Gen.Long.Select(l => l.ToString(CultureInfo.InvariantCulture))),
            (1, Gen.Double.Select(d => double.IsFinite(d) ? d.ToString("R", CultureInfo.InvariantCulture) : "1e999")),
            (3, Text.Select(JsonString)),
            (2, Gen.OneOf("true", "false", "null", "1e400", "-0", "00", "01", "1.", "+1", "\"\\ud800\"", "\"\\u0000\"", "'1'", "NaN")));
        if (depth == 0)
        {
            return leaf;
        }

        var inner = Json(depth - 1);
        return Gen.Frequency(
            (4, leaf),
            (1, inner.Array[0, 6].Select(items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Gen.Frequency((1, Gen.Const("users")), (2, Text)), inner).Array[0, 4]
                .Select(members => "{" + string.Join(",", members.Select(m => JsonString(m.Item1) + ":" + m.Item2)) + "}")));
    }

    /// <summary>Statuses bodies: any JSON, "users" holding anything, raw bytes, deep nesting, cut-off text.</summary>
    public static readonly Gen<byte[]> StatusesBody = Gen.Frequency(
        (3, Json(3).Select(Utf8)),
        (4, Json(2).Array[0, 8].Select(users => Utf8("{\"users\":[" + string.Join(",", users) + "]}"))),
        (1, Gen.Long.Array[0, 20].Select(ids => Utf8(JsonSerializer.Serialize(new { users = ids })))),
        (2, Gen.Byte.Array[0, 300]),
        (1, Gen.Int[1, 400].Select(depth => Utf8("{\"users\":" + new string('[', depth) + new string(']', depth) + "}"))),
        (1, Gen.Select(Json(2), Gen.Int[0, 100]).Select(cut => Utf8(cut.Item1)[..Math.Min(cut.Item2, Utf8(cut.Item1).Length)])));

    /// <summary>
    /// A path segment as a client may send it: unreserved characters as they are, everything
    /// else percent-encoded, except that a literal '%' sometimes stays raw.
    /// </summary>
    public static string Segment(string text, bool rawPercent)
    {
        var escaped = Uri.EscapeDataString(text.Replace("\ud800", "x", StringComparison.Ordinal));
        return rawPercent ? escaped.Replace("%25", "%", StringComparison.Ordinal) : escaped;
    }

    /// <summary>A JWT whose header and claims are anything, signed right, wrong or not at all.</summary>
    public static Gen<string> Token(long[] knownUsers)
    {
        var header = Members(
            ("alg", 1, Gen.Frequency((6, Gen.Const("\"HS256\"")), (2, Gen.OneOf("\"none\"", "\"RS256\"", "\"HS512\"", "\"ES256\"", "\"\"", "\"hs256\"")), (1, Json(1)))),
            ("typ", 1, Gen.Frequency((3, Gen.OneOf("\"JWT\"", "\"at+jwt\"")), (1, Json(1)))),
            ("kid", 12, Json(1)),
            ("crit", 40, Gen.Frequency((2, Text.Select(JsonString).Array[0, 3].Select(a => "[" + string.Join(",", a) + "]")), (1, Json(1)))),
            ("zip", 40, Gen.OneOf("\"DEF\"", "1")),
            ("b64", 40, Gen.OneOf("false", "true")));
        var future = DateTimeOffset.UtcNow.AddHours(1).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var claims = Members(
            ("sub", 1, Gen.Frequency(
                (3, Gen.OneOf(knownUsers).Select(id => JsonString(id.ToString(CultureInfo.InvariantCulture)))),
                (1, Gen.OneOf(knownUsers).Select(id => id.ToString(CultureInfo.InvariantCulture))),
                (2, Json(1)))),
            ("exp", 1, Gen.Frequency((3, Gen.Const(future)), (1, Gen.OneOf("0", "-1", "1e400", "\"tomorrow\"", "99999999999999999999", "1.5")), (1, Json(1)))),
            ("nbf", 12, Gen.Frequency((1, Gen.OneOf("0", future, "\"x\"")), (1, Json(1)))),
            ("iss", 1, Gen.Frequency((4, Gen.Const(JsonString(TestJwt.Issuer))), (1, Json(1)))),
            ("aud", 1, Gen.Frequency(
                (3, Gen.Const(JsonString(TestJwt.Audience))),
                (1, Gen.Const($"[{JsonString(TestJwt.Audience)},\"other\"]")),
                (1, Json(1)))));
        var signed = Gen.Select(header, claims, Gen.Int[0, 7]).Select(parts =>
        {
            var unsigned = Base64UrlEncoder.Encode(parts.Item1) + "." + Base64UrlEncoder.Encode(parts.Item2);
            return parts.Item3 switch
            {
                <= 4 => unsigned + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(TestJwt.SigningKey, Encoding.ASCII.GetBytes(unsigned))),
                5 => unsigned + "." + Base64UrlEncoder.Encode(HMACSHA256.HashData(new byte[32], Encoding.ASCII.GetBytes(unsigned))),
                6 => unsigned + ".",
                _ => unsigned,
            };
        });
        return Gen.Frequency(
            (8, signed),
            (1, Gen.Select(signed, Gen.Int[0, 60]).Select(cut => cut.Item1[..Math.Min(cut.Item2, cut.Item1.Length)])),
            (1, HeaderText));
    }

    public static string JsonString(string text) => JsonSerializer.Serialize(text);

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>
    /// A JSON object with each member present, absent (weight <c>absent</c> against 6 for present)
    /// or twice, and now and then something that is not an object at all.
    /// </summary>
    private static Gen<string> Members(params (string Name, int Absent, Gen<string> Value)[] members)
    {
        var present = members.Select(m => Gen.Frequency(
            (6, m.Value.Select(v => $"{JsonString(m.Name)}:{v}")),
            (m.Absent, Gen.Const("")),
            (1, m.Value.Select(v => $"{JsonString(m.Name)}:{v},{JsonString(m.Name)}:{v}")))).ToArray();
        var objectText = present.Aggregate(Gen.Const(Array.Empty<string>()), (all, next) => Gen.Select(all, next).Select(p => (string[])[.. p.Item1, p.Item2]))
            .Select(parts => "{" + string.Join(",", parts.Where(p => p.Length > 0)) + "}");
        return Gen.Frequency((12, objectText), (1, Json(1)));
    }
}

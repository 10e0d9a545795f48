using CsCheck;
using UserGraph.Gateway;

namespace UserGraph.UnitTests.Gateway;

/// <summary>The change feed's cursor: every position round-trips, and nothing else parses.</summary>
public class ChangeCursorTests
{
    [Fact]
    public void Every_position_round_trips() =>
        Gen.Long[0, long.MaxValue].Sample(position =>
            ChangeCursor.TryParse(ChangeCursor.Format(position), out var parsed) && parsed == position);

    [Fact]
    public void Any_text_that_parses_is_the_canonical_spelling_of_its_position() =>
        Gen.OneOf(
                Gen.String,
                Gen.String[Gen.Char["A-Za-z0-9_-"], 11, 11].Select(tail => "gc1_" + tail),
                Gen.String[Gen.Char["A-Za-z0-9_+/=-"], 0, 14].Select(tail => "gc1_" + tail))
            .Sample(text => !ChangeCursor.TryParse(text, out var position) || ChangeCursor.Format(position) == text);

    [Theory]
    [InlineData("")]
    [InlineData("gc1_")]
    [InlineData("gc1_AAAAAAAAAAA=")]
    [InlineData("gc2_AAAAAAAAAAA")]
    [InlineData("gc1_AAAAAAAAAAB")]
    [InlineData("gc1_gAAAAAAAAAA")]
    [InlineData("12345")]
    public void Texts_the_api_never_hands_out_are_refused(string text) =>
        Assert.False(ChangeCursor.TryParse(text, out _));
}
